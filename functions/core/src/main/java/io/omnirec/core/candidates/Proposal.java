package io.omnirec.core.candidates;

import java.util.List;
import java.util.Map;

/**
 * What one source says for one request: the items it proposes, best first, and the score it gives every item it
 * scored on the way (a superset of the proposals). The second lets the ranker read, say, the EASE score of an item
 * that only the store list proposed.
 *
 * @param best   at most the requested number of items, best first
 * @param scored every item the source scored, with its score
 */
public record Proposal(List<ScoredItem> best, Map<String, Double> scored) {
    public static final Proposal NONE = new Proposal(List.of(), Map.of());

    public Proposal {
        best = List.copyOf(best);
    }

    /** The source's score for {@code itemId}, 0 when it did not score it. */
    public double scoreOf(String itemId) {
        Double score = scored.get(itemId);
        return score == null ? 0 : score;
    }
}
