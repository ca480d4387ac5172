package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.ItemFacts;

/**
 * One item in a shopper's candidate pool, with what each source said about it.
 *
 * @param scores per source (in {@link CandidateGenerator#sourceNames()} order) the source's score, also when another
 *               source proposed the item ({@link Proposal#scored()}); 0 when the source did not score it
 * @param ranks  per source the 0-based rank the source gave it, -1 when it did not propose it
 */
public record Candidate(ItemFacts facts, double[] scores, int[] ranks) {

    public String itemId() {
        return facts.itemId();
    }

    /** The source that ranked this item best (lowest rank), or -1 when none did. */
    public int bestSource() {
        int best = -1;
        for (int s = 0; s < ranks.length; s++) {
            if (ranks[s] >= 0 && (best < 0 || ranks[s] < ranks[best])) {
                best = s;
            }
        }
        return best;
    }
}
