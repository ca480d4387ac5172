package io.omnirec.train;

import io.omnirec.core.training.TrainingOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** What a training run did, as the train function answers it. */
@RegisterForReflection
public record TrainingSummary(String status, String version, String reason, Map<String, Double> metrics,
                              Map<String, Long> counts) {

    static TrainingSummary of(TrainingOutcome outcome) {
        return outcome.card() == null
                ? new TrainingSummary(outcome.status(), null, outcome.reason(), Map.of(), Map.of())
                : new TrainingSummary(outcome.status(), outcome.card().version(), outcome.reason(),
                        outcome.card().metrics(), outcome.card().counts());
    }
}
