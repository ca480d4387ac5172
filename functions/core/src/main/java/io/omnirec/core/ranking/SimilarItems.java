package io.omnirec.core.ranking;

import java.util.List;

/**
 * The answer to an item page: items related to one item, each with the relation that put it there.
 *
 * @param recommendationId  id for attribution, as in {@link Recommendations}
 * @param aggregatesVersion the build of the aggregates the neighbours came from
 */
public record SimilarItems(String recommendationId, String itemId, String title, String aggregatesVersion,
                           List<RelatedItem> items) {
    public SimilarItems {
        items = List.copyOf(items);
    }

    /**
     * One related item.
     *
     * @param relation {@code bought_together} (co-occurrence) or {@code similar} (category, brand, price, title)
     * @param score    the relation's weight relative to the strongest of that relation for this item, in (0, 1]
     */
    public record RelatedItem(String itemId, String title, String category, String relation, double score,
                              String reason) {
    }
}
