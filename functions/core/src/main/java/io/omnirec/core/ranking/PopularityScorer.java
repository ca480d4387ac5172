package io.omnirec.core.ranking;

import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;

import java.util.List;

/** The baseline and the prior for new shoppers: rank by interaction counters. */
public final class PopularityScorer implements Scorer {

    @Override
    public double[] score(UserState user, List<ItemSnapshot> candidates) {
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = candidates.get(i).stats().popularity();
        }
        return scores;
    }
}
