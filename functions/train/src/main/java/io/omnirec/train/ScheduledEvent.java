package io.omnirec.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The parts of an EventBridge event the train function acts on: a schedule or a manual {@code omnirec.manual} event
 * trains; the aggregates schedule ({@value #AGGREGATES_SOURCE}, detail type {@value #AGGREGATES_DETAIL_TYPE}) only
 * rebuilds the aggregates recommend serves from.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source, String time) {
    /** The source of the aggregates schedule's events (the deployed rule sets it as the target's input). */
    public static final String AGGREGATES_SOURCE = "omnirec.schedule";
    /** The detail type of the aggregates schedule's events. */
    public static final String AGGREGATES_DETAIL_TYPE = "Aggregates Refresh";

    /** True for the aggregates schedule: rebuild the aggregates, train nothing. */
    public boolean refreshesAggregates() {
        return AGGREGATES_SOURCE.equals(source) && AGGREGATES_DETAIL_TYPE.equals(detailType);
    }

    /** True for an EventBridge schedule or a manual training request. */
    public boolean startsTraining() {
        return ("aws.events".equals(source) && "Scheduled Event".equals(detailType)) || "omnirec.manual".equals(source);
    }
}
