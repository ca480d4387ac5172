package io.omnirec.recommend;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/users/{userId}/recommendations?k=10&storeId=store-01} ({@code storeId} when asked in a store). */
@Path("/v1/users/{userId}/recommendations")
public class RecommendationsResource {

    @Inject
    RecommendationService recommendations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Recommendations get(@PathParam("userId") String userId, @QueryParam("k") @DefaultValue("10") String k,
                               @QueryParam("storeId") String storeId) {
        return recommendations.recommend(userId, storeId, parseK(k));
    }

    private static int parseK(String k) {
        try {
            return Integer.parseInt(k);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_k", "k must be a whole number");
        }
    }
}
