package io.omnirec.recommend;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.ranking.RecommendationQuery;
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
        return RecommendationQuery.fromParameters(single("k", k), single("storeId", storeId),
                single("channel", channel), single("category", category),
                exclude == null || exclude.isEmpty() ? null : String.join(",", exclude));
    }

    /** The parameter's one value, {@code null} when absent; {@code invalid_<name>} when it is given more than once. */
    static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInputException("invalid_" + name, name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }
}
