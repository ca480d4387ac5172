package io.omnirec.core.training;

import java.util.List;

/** P(buy) of feature rows in the registry's order: a trained model, or its parameters read out of it. */
public interface RowScorer {
    double[] score(List<double[]> rows);
}
