package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

/** Scores a shopper's candidate pool; higher is better. */
public interface Scorer {

    /** One score per candidate, in pool order. */
    double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates);
}
