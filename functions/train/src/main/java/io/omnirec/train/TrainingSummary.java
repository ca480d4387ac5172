package io.omnirec.train;

import io.omnirec.core.training.TrainingOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * What a training run did, as the train function answers it.
 *
 * @param aggregatesVersion the aggregates build made before training, which recommend serves from
 */
@RegisterForReflection
public record TrainingSummary(String status, String version, String reason, Map<String, Double> metrics,
                              Map<String, Long> counts, String aggregatesVersion) {

    static TrainingSummary of(TrainingOutcome outcome, String aggregatesVersion) {
        return outcome.card() == null
                ? new TrainingSummary(outcome.status(), null, outcome.reason(), Map.of(), Map.of(), aggregatesVersion)
                : new TrainingSummary(outcome.status(), outcome.card().version(), outcome.reason(),
                        outcome.card().metrics(), outcome.card().counts(), aggregatesVersion);
    }
}
