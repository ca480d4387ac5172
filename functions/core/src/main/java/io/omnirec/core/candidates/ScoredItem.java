package io.omnirec.core.candidates;

/** An item proposed by a candidate source with that source's score (higher is better). */
public record ScoredItem(String itemId, double score) {
}
