package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

/**
 * Ranks by one candidate source alone, as that source ranked its items (items it did not propose come last). The
 * single-source baselines every model is compared with.
 */
public final class SourceScorer implements Scorer {
    private final String source;

    public SourceScorer(String source) {
        this.source = source;
    }

    @Override
    public double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates) {
        int s = pool.sourceNames().indexOf(source);
        double[] scores = new double[pool.size()];
        for (int i = 0; i < scores.length; i++) {
            Candidate c = pool.candidates().get(i);
            scores[i] = s < 0 || c.ranks()[s] < 0 ? -1 : 1.0 / (1 + c.ranks()[s]);
        }
        return scores;
    }
}
