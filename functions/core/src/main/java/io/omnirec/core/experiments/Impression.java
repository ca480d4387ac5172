package io.omnirec.core.experiments;

import java.time.Instant;
import java.util.List;

/**
 * One answer as shown: what a shopper was recommended, by which model and variant. Events that carry its
 * {@code recommendationId} are credited to it.
 *
 * @param shopperKey   the shopper's id or the anonymous session's key
 * @param experimentId the experiment running when it was served, {@code null} when none
 * @param variant      {@link Experiment#CHAMPION} or {@link Experiment#CHALLENGER}
 * @param modelVersion the model that ranked, {@code null} for the fallback chain
 * @param items        the items in the order shown (position 1 first)
 */
public record Impression(String recommendationId, String shopperKey, String experimentId, String variant,
                         String modelVersion, List<String> items, Instant at) {
    public Impression {
        items = List.copyOf(items);
    }
}
