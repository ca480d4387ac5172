package io.omnirec.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.records.RecordJson;
import io.omnirec.core.records.ShopperProfiles;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code PUT/GET/DELETE /v1/users/{userId}}: a shopper's profile, and erasing the shopper everywhere. */
@Path("/v1/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProfilesResource {

    @Inject
    ShopperProfiles profiles;

    @Operation(summary = "Create or replace a shopper's profile", description = "Fields of the customer import: age or birthYear, gender (F, M, X), region, homeStoreId.")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode put(@PathParam("userId") String userId, byte[] body) {
        return RecordJson.toJson(profiles.put(userId, body));
    }

    @Operation(summary = "Read a shopper's profile", description = "404 unknown_shopper when there is none, or it was erased.")
    @GET
    public ObjectNode get(@PathParam("userId") String userId) {
        return RecordJson.toJson(profiles.get(userId));
    }

    @Operation(summary = "Erase a shopper everywhere", description = "Events, impressions, profile and real-time state of the shopper and of the anonymous sessions merged into them; idempotent; answers what it removed.")
    @DELETE
    public ShopperProfiles.Erasure erase(@PathParam("userId") String userId) {
        return profiles.erase(userId);
    }
}
