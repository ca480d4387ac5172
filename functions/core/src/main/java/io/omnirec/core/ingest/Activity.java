package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.Channel;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Live activity for operators: how many events the API accepted per minute and channel (imports of history are not
 * live and do not count).
 */
public final class Activity {

    private Activity() {
    }

    /**
     * One minute's accepted events.
     *
     * @param minute the minute's start
     * @param events accepted events by channel wire name ({@code web}, {@code app}, {@code store}, {@code kiosk})
     */
    public record Minute(Instant minute, Map<String, Long> events) {
    }

    /** How many events of a batch were accepted, by channel (a batch's results are in the order of its events). */
    public static Map<Channel, Long> accepted(List<JsonNode> events, List<EventResult> results) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        for (EventResult result : results) {
            if (result.status() == EventResult.Status.ACCEPTED && result.index() >= 0
                    && result.index() < events.size()) {
                Channel.fromWire(events.get(result.index()).path("channel").asText(""))
                        .ifPresent(channel -> counts.merge(channel, 1L, Long::sum));
            }
        }
        return counts;
    }
}
