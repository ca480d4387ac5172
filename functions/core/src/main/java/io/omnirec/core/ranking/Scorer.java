package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

import java.util.function.Predicate;

/** Scores a shopper's candidate pool; higher is better. */
public interface Scorer {

    /** One score per candidate, in pool order. */
    double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates);

    /**
     * The same, knowing which candidates may be shown: a scorer that places a candidate by the others around it
     * (see {@link CascadeScorer}) then counts only those. Others ignore it.
     */
    default double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates,
                           Predicate<Candidate> eligible) {
        return score(request, pool, aggregates);
    }
}
