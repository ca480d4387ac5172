package io.omnirec.recommend;

import io.omnirec.core.training.ModelCatalog;
import io.omnirec.http.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** {@code /v1/models}: the model versions with their card metrics, and the champion pointer (operators). */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @Inject
    ModelCatalog catalog;

    @Operation(summary = "Model versions and the champion", description = "Newest first (limit 1-50, default 20), each with its card's metrics beside the baselines it was judged against.")
    @GET
    public ModelCatalog.Listing list(@QueryParam("limit") List<String> limits) {
        return catalog.list(QueryParameters.wholeNumber("limit", limits, 20));
    }

    @Operation(summary = "Make a version the champion", description = "Body {\"version\": \"<model version>\"}; roll back with POST /v1/experiments/current/rollback. Recommend containers pick it up within their refresh interval.")
    @PUT
    @Path("/champion")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> promote(byte[] body) {
        return Map.of("champion", catalog.promote(body));
    }
}
