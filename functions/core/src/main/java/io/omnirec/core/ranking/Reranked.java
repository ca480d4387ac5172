package io.omnirec.core.ranking;

import java.util.List;

/**
 * The answer to {@code POST /v1/rank}: the caller's items in the shopper's order, as in {@link Recommendations}, and
 * the items left out.
 *
 * @param removed the caller's items not in {@code items}: {@code unknown_item} (not in the catalog) or
 *                {@code not_eligible} (a durable the shopper bought, in the cart, excluded, outside the category,
 *                out of stock)
 */
public record Reranked(String recommendationId, String userId, String strategy, String modelVersion,
                       String modelStatus, String variant, String aggregatesVersion,
                       List<Recommendations.RecommendedItem> items, List<Removed> removed) {
    public Reranked {
        items = List.copyOf(items);
        removed = List.copyOf(removed);
    }

    /** An item of the caller's list that is not in the answer, and why. */
    public record Removed(String itemId, String reason) {
    }
}
