package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Picks the k best-scored candidates that a shopper may be shown. Ties break by item id, so results are stable. */
public final class TopK {

    /** A candidate and its score. */
    public record Scored(Candidate candidate, double score) {
    }

    private TopK() {
    }

    public static List<Scored> select(CandidatePool pool, double[] scores, Predicate<Candidate> allowed, int k) {
        return select(pool, scores, allowed, k, Diversity.NONE);
    }

    /** The k best under a {@link Diversity} cap. */
    public static List<Scored> select(CandidatePool pool, double[] scores, Predicate<Candidate> allowed, int k,
                                      Diversity diversity) {
        List<Scored> eligible = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            Candidate candidate = pool.candidates().get(i);
            if (allowed.test(candidate)) {
                eligible.add(new Scored(candidate, scores[i]));
            }
        }
        eligible.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.candidate().itemId()));
        return diversity.apply(eligible, k);
    }
}
