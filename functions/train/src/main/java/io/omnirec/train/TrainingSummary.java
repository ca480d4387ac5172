package io.omnirec.train;

import io.omnirec.core.ingest.EventRepair;
import io.omnirec.core.training.TrainingOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * What a training run did, as the train function answers it.
 *
 * @param aggregatesVersion the aggregates build made before training, which recommend serves from
 * @param repaired          what applying the events ingest left pending found and did, before anything else
 */
@RegisterForReflection(targets = {TrainingSummary.class, EventRepair.Report.class})
public record TrainingSummary(String status, String version, String reason, Map<String, Double> metrics,
                              Map<String, Long> counts, String aggregatesVersion,
                              EventRepair.Report repaired) {

    /** A delivery that was handled already: nothing trained. */
    static TrainingSummary duplicate(String reason) {
        return new TrainingSummary("duplicate_delivery", null, reason, Map.of(), Map.of(), null, null);
    }

    /** An aggregates schedule: the aggregates were rebuilt, nothing trained. */
    static TrainingSummary aggregatesOnly(String aggregatesVersion, EventRepair.Report repaired) {
        return new TrainingSummary("aggregates_refreshed", null, "aggregates schedule: nothing trained", Map.of(),
                Map.of(), aggregatesVersion, repaired);
    }

    /** The job went to the Fargate task: the history was too large for one Lambda run. */
    static TrainingSummary handedOver(String handOverEventId, long events) {
        return new TrainingSummary("handed_over", null, events + " stored events: the Fargate task runs this delivery "
                + "(hand-over event " + handOverEventId + ")", Map.of(), Map.of("events", events), null, null);
    }

    static TrainingSummary of(TrainingOutcome outcome, String aggregatesVersion, EventRepair.Report repaired) {
        return outcome.card() == null
                ? new TrainingSummary(outcome.status(), null, outcome.reason(), Map.of(), Map.of(), aggregatesVersion,
                repaired)
                : new TrainingSummary(outcome.status(), outcome.card().version(), outcome.reason(),
                        outcome.card().metrics(), outcome.card().counts(), aggregatesVersion, repaired);
    }
}
