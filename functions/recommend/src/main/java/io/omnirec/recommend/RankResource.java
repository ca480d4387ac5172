package io.omnirec.recommend;

import io.omnirec.core.ranking.RankQuery;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Reranked;
import io.omnirec.runtime.Telemetry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /v1/rank}: a caller's list of items ordered for one shopper (see {@link RankQuery}). */
@Path("/v1/rank")
public class RankResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    Telemetry telemetry;

    @Operation(summary = "Re-rank a caller's list for a shopper", description = "A search or category page ordered with the same features, model and rules; removed lists what was left out and why.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Reranked post(byte[] body) {
        long started = System.nanoTime();
        return telemetry.ranked(recommendations.rank(RankQuery.fromJson(body)), started);
    }
}
