package io.omnirec.core.candidates;

import java.util.List;

/**
 * The merged candidates of one request, in a stable order, and the best score each source gave (the scale its
 * scores are normalised by).
 */
public record CandidatePool(List<String> sourceNames, List<Candidate> candidates, double[] maxScores) {
    public CandidatePool {
        sourceNames = List.copyOf(sourceNames);
        candidates = List.copyOf(candidates);
    }

    public int size() {
        return candidates.size();
    }
}
