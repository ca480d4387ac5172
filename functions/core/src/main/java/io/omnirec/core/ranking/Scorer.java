package io.omnirec.core.ranking;

import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;

import java.util.List;

/** Scores candidates for one shopper; higher is better. */
public interface Scorer {

    /** One score per candidate, in candidate order. */
    double[] score(UserState user, List<ItemSnapshot> candidates);
}
