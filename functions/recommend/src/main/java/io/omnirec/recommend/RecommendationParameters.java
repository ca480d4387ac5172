package io.omnirec.recommend;

import io.omnirec.core.ranking.RecommendationQuery;
import io.omnirec.http.QueryParameters;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * The query string of the recommendation routes ({@code k}, {@code storeId}, {@code channel}, {@code category},
 * {@code exclude}), read into a {@link RecommendationQuery} in one place. A single-valued parameter given twice
 * ({@code k=5&k=7}, which HTTP APIs also deliver as {@code "5,7"}) is refused naming it, never read as its first value;
 * {@code exclude} may repeat.
 */
public class RecommendationParameters {
    @QueryParam("k")
    List<String> k;

    @QueryParam("storeId")
    List<String> storeId;

    @QueryParam("channel")
    List<String> channel;

    @QueryParam("category")
    List<String> category;

    @QueryParam("exclude")
    List<String> exclude;

    RecommendationQuery query() {
        return RecommendationQuery.fromParameters(QueryParameters.single("k", k),
                QueryParameters.single("storeId", storeId), QueryParameters.single("channel", channel),
                QueryParameters.single("category", category),
                exclude == null || exclude.isEmpty() ? null : String.join(",", exclude));
    }
}
