package io.omnirec.core.ingest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.JsonBodies;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /v1/events}: either one event object, or {@code {"events": [...]}} with at most
 * {@link #MAX_BATCH} events. Whole-request problems throw {@link InvalidInputException}; problems of a single event
 * are left to {@link EventValidator}.
 */
public final class EventBatchParser {
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int MAX_BATCH = 100;

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(4096).build())
            .build());

    /** The parsed request: whether it was a single event, and the raw event nodes in order. */
    public record EventBatch(boolean single, List<JsonNode> events) {
    }

    public EventBatch parse(byte[] body) {
        JsonNode root = JsonBodies.object(json, body, MAX_BODY_BYTES, "an event object or {\"events\": [...]}");
        if (!root.has("events")) {
            return new EventBatch(true, List.of(root));
        }
        JsonNode events = root.get("events");
        if (root.size() != 1 || !events.isArray()) {
            throw new InvalidInputException("invalid_body", "a batch is {\"events\": [...]} and nothing else");
        }
        if (events.isEmpty()) {
            throw new InvalidInputException("empty_batch", "the batch has no events");
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidInputException("batch_too_large", "a batch holds at most " + MAX_BATCH + " events");
        }
        List<JsonNode> list = new ArrayList<>(events.size());
        events.forEach(list::add);
        return new EventBatch(false, list);
    }
}
