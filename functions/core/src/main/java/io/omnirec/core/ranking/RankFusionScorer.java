package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

/**
 * Reciprocal rank fusion over every source (Cormack et al., SIGIR 2009): {@code sum 1/(60 + rank)}. What recommend
 * serves with when no trained model is available: no learning, but every source contributes.
 */
public final class RankFusionScorer implements Scorer {
    private static final double K = 60;

    @Override
    public double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates) {
        double[] scores = new double[pool.size()];
        for (int i = 0; i < scores.length; i++) {
            Candidate c = pool.candidates().get(i);
            for (int rank : c.ranks()) {
                if (rank >= 0) {
                    scores[i] += 1 / (K + 1 + rank);
                }
            }
        }
        return scores;
    }
}
