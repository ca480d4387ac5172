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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code PUT/GET/DELETE /v1/items/{itemId}}: one catalog item, and {@code PUT /v1/stores/{storeId}/stock/{itemId}}: one
 * store's stock of it.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    @Inject
    CatalogRecords catalog;

    @Operation(summary = "Create or replace a catalog item", description = "Fields of the catalog import: title, category (path A/B), brand, price, consumable, repurchaseDays, active, description, launchDate (2026-12-01), attributes (an object of text values); and availability, an object of store ids (online for the web shop and app) to true or false.")
    @PUT
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode put(@PathParam("itemId") String itemId, byte[] body) {
        return RecordJson.toJson(catalog.put(itemId, body));
    }

    @Operation(summary = "Read a catalog item", description = "404 unknown_item when the catalog has none.")
    @GET
    @Path("/items/{itemId}")
    public ObjectNode get(@PathParam("itemId") String itemId) {
        return RecordJson.toJson(catalog.get(itemId));
    }

    @Operation(summary = "Remove a catalog item", description = "Idempotent; recommendations drop it at the next aggregates build.")
    @DELETE
    @Path("/items/{itemId}")
    public Response delete(@PathParam("itemId") String itemId) {
        catalog.delete(itemId);
        return Response.noContent().build();
    }

    @Operation(summary = "Set one store's stock of one item", description = "Body {\"inStock\": true|false}; storeId \"online\" for the web shop and app.")
    @PUT
    @Path("/stores/{storeId}/stock/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public io.omnirec.core.domain.StockLevel stock(@PathParam("storeId") String storeId,
                                                 @PathParam("itemId") String itemId, byte[] body) {
        return catalog.setStock(storeId, itemId, body);
    }

    @Operation(summary = "Name a store", description = "Body {\"name\": \"Riverside\"}; reasons then say \"Popular at your store, Riverside\" to shoppers served there.")
    @PUT
    @Path("/stores/{storeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public io.omnirec.core.domain.Store nameStore(@PathParam("storeId") String storeId, byte[] body) {
        return catalog.nameStore(storeId, body);
    }
}
