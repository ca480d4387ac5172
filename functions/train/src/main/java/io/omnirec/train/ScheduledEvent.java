package io.omnirec.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.omnirec.core.training.ScheduleEvents;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The parts of an EventBridge event the train function acts on: a schedule or a manual {@code omnirec.manual} event
 * trains; the aggregates schedule ({@link ScheduleEvents}) only
 * rebuilds the aggregates recommend serves from.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source, String time) {

    /** True for the aggregates schedule: rebuild the aggregates, train nothing. */
    public boolean refreshesAggregates() {
        return ScheduleEvents.AGGREGATES_SOURCE.equals(source)
                && ScheduleEvents.AGGREGATES_DETAIL_TYPE.equals(detailType);
    }

    /** True for an EventBridge schedule or a manual training request. */
    public boolean startsTraining() {
        return ("aws.events".equals(source) && "Scheduled Event".equals(detailType)) || ScheduleEvents.MANUAL_SOURCE.equals(source);
    }
}
