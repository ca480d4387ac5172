package io.omnirec.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.training.ScheduleEvents;
import io.omnirec.runtime.OmnirecConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.util.Optional;

/**
 * Hands a schedule's job to the Fargate task when the history is too large for one Lambda run (15 minutes, 10 GB):
 * puts a hand-over event ({@link ScheduleEvents}), naming the delivery, the job and the runner, on the configured bus, where the
 * stack's rule starts the task ({@link TrainTask}) with them. The size is the events table's item count, one
 * {@code DescribeTable} call.
 */
@Singleton
public class TaskHandOver {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TaskConfig task;

    @Inject
    OmnirecConfig config;

    @Inject
    DynamoDbClient dynamo;

    /** The number of stored events, when it is at least the threshold and a task is configured. */
    Optional<Long> tooLargeForLambda() {
        if (task.eventBus().isEmpty()) {
            return Optional.empty();
        }
        Long count = dynamo.describeTable(b -> b.tableName(config.eventsTable())).table().itemCount();
        return count != null && count >= task.thresholdEvents() ? Optional.of(count) : Optional.empty();
    }

    /** Puts the hand-over event; returns its EventBridge id. */
    String handOver(ScheduledEvent event, String runner) {
        ObjectNode detail = JSON.createObjectNode().put("runId", event.id())
                .put("job", event.refreshesAggregates() ? ScheduleEvents.JOB_AGGREGATES : ScheduleEvents.JOB_TRAIN)
                .put("runner", runner);
        try (EventBridgeClient events = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create())
                .build()) {
            PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(task.eventBus().get())
                    .source(ScheduleEvents.HAND_OVER_SOURCE).detailType(ScheduleEvents.HAND_OVER_DETAIL_TYPE).detail(detail.toString())));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new IllegalStateException("EventBridge refused the hand-over: "
                        + response.entries().get(0).errorCode() + " " + response.entries().get(0).errorMessage());
            }
            return response.entries().get(0).eventId();
        }
    }
}
