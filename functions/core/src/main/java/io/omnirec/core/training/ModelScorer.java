package io.omnirec.core.training;

import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;
import io.omnirec.core.ranking.RankingFeatures;
import io.omnirec.core.ranking.Scorer;

import java.util.List;

/** Scores candidates with a trained {@link RankingModel}. */
public final class ModelScorer implements Scorer {
    private final RankingModel model;

    public ModelScorer(RankingModel model) {
        this.model = model;
    }

    @Override
    public double[] score(UserState user, List<ItemSnapshot> candidates) {
        return model.score(RankingFeatures.compute(user, candidates));
    }
}
