package io.omnirec.core.training;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

import java.util.List;
import java.util.Set;

/**
 * One labelled shopper at their cutoff: request, the aggregates as they were then, candidate pool, feature vectors and
 * what they went on to buy.
 */
record TrainingCase(ShopperRequest request, Aggregates aggregates, CandidatePool pool, List<double[]> vectors,
                    Set<String> labels) {
}
