package io.omnirec.core.training;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.Scorer;

/** Scores candidates with a trained model (or its parameters read out of it) over the registry's features. */
public final class ModelScorer implements Scorer {
    private final RowScorer model;
    private final FeatureRegistry registry;

    public ModelScorer(RowScorer model, FeatureRegistry registry) {
        this.model = model;
        this.registry = registry;
    }

    @Override
    public double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates) {
        if (pool.size() == 0) {
            return new double[0];
        }
        return model.score(registry.vectors(request, pool, aggregates));
    }
}
