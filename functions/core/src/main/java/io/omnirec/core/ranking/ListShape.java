package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * How an answer's list is shaped beyond the scores: the {@link Diversity} cap, then the {@link Exploration} slots.
 * Both are on by default, at settings whose accuracy cost the README reports.
 */
public record ListShape(Diversity diversity, Exploration exploration) {
    public static final ListShape DEFAULT = new ListShape(Diversity.DEFAULT, Exploration.DEFAULT);
    /** Scores alone: what the published protocols measure. */
    public static final ListShape NONE = new ListShape(Diversity.NONE, Exploration.NONE);

    /** The k items to show, as of {@code now}. */
    public List<TopK.Scored> select(CandidatePool pool, double[] scores, Predicate<Candidate> allowed, int k,
                                    Instant now) {
        return TopK.select(pool, scores, allowed, k, diversity, exploration, now);
    }
}
