package io.omnirec.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.records.CatalogRecords;
import io.omnirec.core.records.RecordJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code PUT/GET/DELETE /v1/items/{itemId}}: one catalog item, and {@code PUT /v1/stores/{storeId}/stock/{itemId}}: one
 * store's stock of it.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    @Inject
    CatalogRecords catalog;

    @PUT
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode put(@PathParam("itemId") String itemId, byte[] body) {
        return RecordJson.toJson(catalog.put(itemId, body));
    }

    @GET
    @Path("/items/{itemId}")
    public ObjectNode get(@PathParam("itemId") String itemId) {
        return RecordJson.toJson(catalog.get(itemId));
    }

    @DELETE
    @Path("/items/{itemId}")
    public Response delete(@PathParam("itemId") String itemId) {
        catalog.delete(itemId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/stores/{storeId}/stock/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public io.omnirec.core.domain.StockLevel stock(@PathParam("storeId") String storeId,
                                                 @PathParam("itemId") String itemId, byte[] body) {
        return catalog.setStock(storeId, itemId, body);
    }
}
