package io.omnirec.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The parts of an EventBridge event that start training: a schedule, or a manual {@code omnirec.manual} event. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source, String time) {

    /** True for an EventBridge schedule or a manual training request. */
    public boolean startsTraining() {
        return ("aws.events".equals(source) && "Scheduled Event".equals(detailType)) || "omnirec.manual".equals(source);
    }
}
