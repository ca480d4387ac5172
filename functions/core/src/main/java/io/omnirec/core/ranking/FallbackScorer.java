package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;

import java.util.List;

/**
 * What recommend serves with when no trained model is available: a chain of candidate sources. Items the first source
 * proposed come first in its order, then the second source's, and so on, so a shopper with history gets the
 * collaborative sources and a new shopper falls through to store, segment and global popularity.
 */
public final class FallbackScorer implements Scorer {
    /**
     * The default chain: restock reminders that are due, then collaborative, then content, then popularity from the
     * most to the least specific.
     */
    public static final List<String> DEFAULT_CHAIN =
            List.of("replenish", "ease", "cooccurrence", "content", "store", "segment", "popular", "trending", "new");

    private final List<String> chain;

    public FallbackScorer(List<String> chain) {
        this.chain = List.copyOf(chain);
    }

    @Override
    public double[] score(ShopperRequest request, CandidatePool pool, Aggregates aggregates) {
        int[] sources = chain.stream().mapToInt(name -> pool.sourceNames().indexOf(name)).toArray();
        double[] scores = new double[pool.size()];
        for (int i = 0; i < scores.length; i++) {
            Candidate c = pool.candidates().get(i);
            for (int link = 0; link < sources.length; link++) {
                int s = sources[link];
                if (s >= 0 && c.ranks()[s] >= 0) {
                    scores[i] = (sources.length - link) + 0.5 / (1 + c.ranks()[s]);
                    break;
                }
            }
        }
        return scores;
    }
}
