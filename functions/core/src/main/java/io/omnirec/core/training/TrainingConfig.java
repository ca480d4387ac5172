package io.omnirec.core.training;

/**
 * Training settings.
 *
 * @param seed                 every random choice (user split, negative sampling, SGD order) derives from it
 * @param cutoffQuantile       share of events (by time) that build features; the rest give labels
 * @param validationShare      share of labelled shoppers held out for evaluation
 * @param negativesPerPositive sampled non-purchased candidates per purchased one
 * @param epochs               SGD passes
 */
public record TrainingConfig(long seed, double cutoffQuantile, double validationShare, int negativesPerPositive,
                             int epochs) {

    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(seed, 0.8, 0.2, 20, 15);
    }

    public TrainingConfig {
        if (cutoffQuantile <= 0 || cutoffQuantile >= 1 || validationShare <= 0 || validationShare >= 1
                || negativesPerPositive < 1 || epochs < 1) {
            throw new IllegalArgumentException("invalid training config");
        }
    }
}
