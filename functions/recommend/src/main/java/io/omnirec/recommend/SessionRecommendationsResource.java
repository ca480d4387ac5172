package io.omnirec.recommend;

import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.runtime.Telemetry;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /v1/sessions/{sessionId}/recommendations?k=10&storeId=&channel=&category=&exclude=a,b}: an anonymous
 * visitor, from the events their session sent without a {@code userId}.
 */
@Path("/v1/sessions/{sessionId}/recommendations")
public class SessionRecommendationsResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    Telemetry telemetry;

    @Operation(summary = "Recommendations for an anonymous session", description = "From the session's own events and the request's store.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Recommendations get(@PathParam("sessionId") String sessionId,
                               @BeanParam RecommendationParameters parameters) {
        long started = System.nanoTime();
        return telemetry.served("session", recommendations.recommendForSession(sessionId, parameters.query()),
                started);
    }
}
