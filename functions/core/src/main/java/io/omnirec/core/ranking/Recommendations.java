package io.omnirec.core.ranking;

import java.util.List;

/**
 * The answer to one recommend call.
 *
 * @param recommendationId  id for attribution: events carrying it are credited to this answer
 * @param userId            the shopper, {@code null} for an anonymous session
 * @param sessionId         the anonymous session, {@code null} for a shopper
 * @param strategy          {@code model}, or {@code fallback} (a chain of the candidate sources, see
 *                          {@link FallbackScorer}) when no model is available; followed by the kind of
 *                          {@link ColdStart} when there is one, e.g. {@code model:profile_only}
 * @param modelVersion      the model that ranked, {@code null} when none did
 * @param modelStatus       see {@link ActiveModel#status()}
 * @param variant           {@code champion}, or {@code challenger} for a shopper in the running experiment's share
 * @param aggregatesVersion the build of the aggregates the candidates came from
 */
public record Recommendations(String recommendationId, String userId, String sessionId, String strategy,
                              String modelVersion, String modelStatus, String variant, String aggregatesVersion,
                              List<RecommendedItem> items) {
    public Recommendations {
        items = List.copyOf(items);
    }

    /** One recommended item, with the score that ranked it and a sentence a shopper can read. */
    public record RecommendedItem(String itemId, String title, String category, double score, String reason) {
    }
}
