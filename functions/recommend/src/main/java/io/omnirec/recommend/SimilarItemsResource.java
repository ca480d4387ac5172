package io.omnirec.recommend;

import io.omnirec.core.ranking.SimilarItems;
import io.omnirec.core.ranking.SimilarItemsService;
import io.omnirec.http.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /v1/items/{itemId}/similar?k=10&storeId=}: bought together with the item, and like it, in stock there. */
@Path("/v1/items/{itemId}/similar")
public class SimilarItemsResource {

    @Inject
    SimilarItemsService similar;

    @Operation(summary = "Similar and bought-together items", description = "For an item page, each with its "
            + "relation and reason, leaving out what is not in stock at storeId (without it, online); 404 for an "
            + "unknown item.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SimilarItems get(@PathParam("itemId") String itemId, @QueryParam("k") List<String> ks,
                            @QueryParam("storeId") List<String> storeId) {
        return similar.similar(itemId, QueryParameters.wholeNumber("k", ks, 10),
                QueryParameters.single("storeId", storeId));
    }
}
