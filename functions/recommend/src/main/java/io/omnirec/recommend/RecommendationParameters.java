package io.omnirec.recommend;

import io.omnirec.core.ranking.RecommendationQuery;
import jakarta.ws.rs.QueryParam;

/**
 * The query string of the recommendation routes ({@code k}, {@code storeId}, {@code channel}, {@code category},
 * {@code exclude}), read into a {@link RecommendationQuery} in one place.
 */
public class RecommendationParameters {
    @QueryParam("k")
    String k;

    @QueryParam("storeId")
    String storeId;

    @QueryParam("channel")
    String channel;

    @QueryParam("category")
    String category;

    @QueryParam("exclude")
    String exclude;

    RecommendationQuery query() {
        return RecommendationQuery.fromParameters(k, storeId, channel, category, exclude);
    }
}
