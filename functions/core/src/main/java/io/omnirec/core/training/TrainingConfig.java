package io.omnirec.core.training;

import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.candidates.CandidateConfig;

/**
 * Training settings.
 *
 * @param seed                 every random choice (shopper split, negative sampling, SGD order) derives from it
 * @param labelSplit           {@code time}: each shopper's latest purchases are labels (the default, what a live
 *                             system faces); {@code random}: a seeded random share of each shopper's purchases are
 *                             (for benchmarks whose test rows are a random split, like MovieLens')
 * @param holdoutShare         share of each shopper's purchases that become labels
 * @param validationShare      share of labelled shoppers held out for evaluation and promotion
 * @param negativesPerPositive candidates that were not bought, sampled per bought one (half the hardest, half random)
 * @param epochs               SGD passes
 * @param algorithm            {@code pairwise} (logistic regression on differences of bought and not-bought
 *                             candidates), {@code logistic} (pointwise), {@code fm} (pointwise factorization
 *                             machine) or {@code auto} (pairwise and fm, keep the better on the validation shoppers)
 * @param fmFactors            factor size of the factorization machine
 * @param maxTrainingShoppers  at most this many labelled shoppers (a seeded sample) give training examples: bounds
 *                             training time and memory whatever the history's size
 * @param maxValidationShoppers at most this many labelled shoppers judge the model against the baselines
 * @param aggregates           how the aggregates are rebuilt at the cutoff
 * @param candidates           which candidate sources feed the ranker
 * @param headDepth            the model orders the first this-many candidates of the fallback chain (restock
 *                             reminders that are due, then the collaborative sources, ...), which come first, then
 *                             the rest of the pool (see {@code CascadeScorer}); 0: the model orders the whole pool.
 *                             Recorded in the model card, so that serving applies what training judged
 */
public record TrainingConfig(long seed, String labelSplit, double holdoutShare, double validationShare, int negativesPerPositive,
                             int epochs, String algorithm, int fmFactors, int maxTrainingShoppers,
                             int maxValidationShoppers, AggregateConfig aggregates, CandidateConfig candidates,
                             int headDepth) {
    /** The head depth chosen on the validation splits (see the README's "how the settings were chosen"). */
    public static final int DEFAULT_HEAD_DEPTH = 20;

    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(seed, "time", 0.2, 0.2, 20, 10, "auto", 8, 4000, 1000, AggregateConfig.defaults(),
                CandidateConfig.defaults(), DEFAULT_HEAD_DEPTH);
    }

    public TrainingConfig {
        if (holdoutShare <= 0 || holdoutShare >= 1 || validationShare <= 0 || validationShare >= 1
                || negativesPerPositive < 1 || epochs < 1 || fmFactors < 1 || maxTrainingShoppers < 1
                || maxValidationShoppers < 1 || headDepth < 0 || headDepth > 1000
                || !java.util.List.of("pairwise", "logistic", "fm", "auto").contains(algorithm)
                || !java.util.List.of("time", "random").contains(labelSplit)) {
            throw new IllegalArgumentException("invalid training config");
        }
    }

    public TrainingConfig withAlgorithm(String name) {
        return new TrainingConfig(seed, labelSplit, holdoutShare, validationShare, negativesPerPositive, epochs, name,
                fmFactors, maxTrainingShoppers, maxValidationShoppers, aggregates, candidates, headDepth);
    }

    public TrainingConfig withHeadDepth(int depth) {
        return new TrainingConfig(seed, labelSplit, holdoutShare, validationShare, negativesPerPositive, epochs,
                algorithm, fmFactors, maxTrainingShoppers, maxValidationShoppers, aggregates, candidates, depth);
    }

    public TrainingConfig withAggregates(AggregateConfig settings) {
        return new TrainingConfig(seed, labelSplit, holdoutShare, validationShare, negativesPerPositive, epochs,
                algorithm, fmFactors, maxTrainingShoppers, maxValidationShoppers, settings, candidates, headDepth);
    }
}
