package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A ranking model applied to the head of the fallback chain: the chain (restock reminders that are due, then the
 * collaborative sources, ...) picks the {@code depth} candidates it would show first, and the model orders those;
 * the rest follow in the model's order, so a list is still filled when business rules remove some of the head. The
 * model's scores are probabilities; a head candidate's score is lifted by 1, so scores above 1 mark the head.
 */
public final class CascadeScorer implements Scorer {
    private static final double HEAD = 1.0;
    private final Scorer model;
    private final Scorer chain;
    private final int depth;

    public CascadeScorer(Scorer model, Scorer chain, int depth) {
        this.model = model;
        this.chain = chain;
        this.depth = depth;
    }

    @Override
    public double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates) {
        return score(request, pool, aggregates, candidate -> true);
    }

    /** The head is the chain's first {@code depth} candidates among those that may be shown. */
    @Override
    public double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates,
                          Predicate<Candidate> eligible) {
        double[] scores = model.score(request, pool, aggregates);
        if (depth <= 0 || scores.length == 0) {
            return scores;
        }
        boolean[] shown = new boolean[pool.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = eligible.test(pool.candidates().get(i));
        }
        return headFirst(scores, chain.score(request, pool, aggregates), shown, depth);
    }

    /**
     * Model scores, lifted above every other candidate for the {@code depth} best by the chain's scores among the
     * {@code shown} ones.
     */
    public static double[] headFirst(double[] modelScores, double[] chainScores, boolean[] shown, int depth) {
        double[] out = modelScores.clone();
        int[] head = IntStream.range(0, chainScores.length).filter(i -> shown[i]).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -chainScores[i]).thenComparingInt(i -> i))
                .limit(depth).mapToInt(Integer::intValue).toArray();
        for (int i : head) {
            if (chainScores[i] > 0) {
                out[i] += HEAD;
            }
        }
        return out;
    }
}
