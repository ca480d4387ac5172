package io.omnirec.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.aws.AwsResources;
import io.omnirec.aws.DynamoActivityCounters;
import io.omnirec.core.ingest.Activity;
import io.omnirec.core.ingest.EventResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts what the API accepted per minute and channel for the operator console: one extra write per request, after
 * the events are applied. A counter that cannot be written is logged and dropped; it never fails the request.
 */
@Singleton
public class LiveActivity {
    private static final Logger LOG = Logger.getLogger(LiveActivity.class.getName());

    private final DynamoActivityCounters counters;

    @Inject
    LiveActivity(DynamoDbClient dynamo, AwsResources resources, Clock clock) {
        this.counters = new DynamoActivityCounters(dynamo, resources.featuresTable(), clock);
    }

    /** Adds a batch's accepted events; returns the results unchanged. */
    List<EventResult> record(List<JsonNode> events, List<EventResult> results) {
        try {
            counters.record(Activity.accepted(events, results), results.isEmpty() ? null : results.get(0).eventId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped the activity counts of a batch", e);
        }
        return results;
    }

    /** The last minutes, oldest first. */
    List<Activity.Minute> recent(int minutes) {
        return counters.recent(minutes);
    }
}
