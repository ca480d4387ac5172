package io.omnirec.recommend;

import io.omnirec.core.ranking.RecommendationQuery;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.runtime.Telemetry;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /v1/users/{userId}/recommendations?k=10&storeId=&channel=&category=&exclude=a,b}, and {@code POST} to
 * the same path with a JSON context body (current item, cart, store, channel, tags; see {@link RecommendationQuery}).
 */
@Path("/v1/users/{userId}/recommendations")
public class RecommendationsResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    Telemetry telemetry;

    @Operation(summary = "Recommendations for a shopper", description = "Top k items with score, reason, strategy, model version, variant and recommendationId; storeId, channel, category and exclude narrow them.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Recommendations get(@PathParam("userId") String userId, @BeanParam RecommendationParameters parameters) {
        long started = System.nanoTime();
        return telemetry.served("user", recommendations.recommend(userId, parameters.query()), started);
    }

    @Operation(summary = "Recommendations for a shopper in context", description = "The same, reacting to the item on screen, the cart and context tags sent in the body.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Recommendations post(@PathParam("userId") String userId, byte[] body) {
        long started = System.nanoTime();
        return telemetry.served("user_context", recommendations.recommend(userId, RecommendationQuery.fromJson(body)),
                started);
    }
}
