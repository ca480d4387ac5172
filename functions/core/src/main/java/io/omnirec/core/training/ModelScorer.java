package io.omnirec.core.training;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.Scorer;

/** Scores candidates with a trained {@link RankingModel} over the registry's features. */
public final class ModelScorer implements Scorer {
    private final RankingModel model;
    private final FeatureRegistry registry;

    public ModelScorer(RankingModel model, FeatureRegistry registry) {
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
