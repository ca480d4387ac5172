package io.omnirec.core.ranking;

import io.omnirec.core.experiments.Experiment;

import java.util.function.Supplier;

/**
 * Which model serves a shopper: the champion, or while an {@link Experiment} runs, the model of the variant the
 * shopper's key falls in.
 */
@FunctionalInterface
public interface ModelRouter {

    /** The model for the shopper (or anonymous session) with this key. */
    Routed route(String shopperKey);

    /**
     * A model and the variant it serves.
     *
     * @param experimentId the running experiment, {@code null} when none
     */
    record Routed(ActiveModel model, String variant, String experimentId) {
    }

    /** Everyone gets the champion; no experiment. */
    static ModelRouter championOnly(Supplier<ActiveModel> champion) {
        return key -> new Routed(champion.get(), Experiment.CHAMPION, null);
    }
}
