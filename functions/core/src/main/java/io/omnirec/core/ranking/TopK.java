package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Picks the k best-scored candidates that a shopper may be shown. Ties break by item id, so results are stable. */
public final class TopK {

    /**
     * A candidate and its score.
     *
     * @param explored whether it holds an {@link Exploration} slot rather than the place its score earned
     */
    public record Scored(Candidate candidate, double score, boolean explored) {
        public Scored(Candidate candidate, double score) {
            this(candidate, score, false);
        }
    }

    private TopK() {
    }

    public static List<Scored> select(CandidatePool pool, double[] scores, Predicate<Candidate> allowed, int k) {
        return select(pool, scores, allowed, k, Diversity.NONE);
    }

    /** The k best under a {@link Diversity} cap. */
    public static List<Scored> select(CandidatePool pool, double[] scores, Predicate<Candidate> allowed, int k,
                                      Diversity diversity) {
        return diversity.apply(ranked(pool, scores, allowed), k);
    }

    /** The k best under a {@link Diversity} cap, with the {@link Exploration} slots filled as of {@code now}. */
    public static List<Scored> select(CandidatePool pool, double[] scores, Predicate<Candidate> allowed, int k,
                                      Diversity diversity, Exploration exploration, Instant now) {
        List<Scored> ranked = ranked(pool, scores, allowed);
        return exploration.apply(diversity.apply(ranked, k), ranked, k, now);
    }

    /** Every allowed candidate, best first. */
    static List<Scored> ranked(CandidatePool pool, double[] scores, Predicate<Candidate> allowed) {
        List<Scored> eligible = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            Candidate candidate = pool.candidates().get(i);
            if (allowed.test(candidate)) {
                eligible.add(new Scored(candidate, scores[i]));
            }
        }
        eligible.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.candidate().itemId()));
        return eligible;
    }
}
