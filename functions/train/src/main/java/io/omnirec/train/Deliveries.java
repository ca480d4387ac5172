package io.omnirec.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.store.ModelStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets one delivery of a scheduled event train. EventBridge delivers at least once and Lambda retries a failed
 * asynchronous invocation with the same event, so each run is recorded by the event's id beside the models: a second
 * delivery of a run that finished, or that another invocation is still running, trains nothing; a run recorded as
 * running for longer than any invocation can last died, and the retry takes it over.
 */
final class Deliveries {
    /** Longer than a Lambda invocation can run (15 minutes). */
    static final Duration STALE = Duration.ofMinutes(16);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelStore models;
    private final Clock clock;

    Deliveries(ModelStore models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    /** Empty when this delivery may train (its run is now recorded as running); otherwise why it may not. */
    Optional<String> admit(String runId, String requestId) {
        if (!Identifiers.isToken(runId)) {
            return Optional.empty();
        }
        byte[] running = record(runId, requestId, "running", null);
        Optional<byte[]> existing = models.run(runId);
        if (existing.isEmpty()) {
            return models.startRun(runId, running) ? Optional.empty()
                    : Optional.of("delivery " + runId + " was started by another invocation");
        }
        JsonNode earlier = read(existing.get());
        if ("done".equals(earlier.path("status").asText())) {
            return Optional.of(earlier.path("version").isTextual()
                    ? "delivery " + runId + " trained version " + earlier.path("version").asText() + " already"
                    : "delivery " + runId + " was handled already");
        }
        if (Instant.ofEpochMilli(earlier.path("at").asLong()).plus(STALE).isAfter(clock.instant())
                && !requestId.equals(earlier.path("requestId").asText())) {
            return Optional.of("delivery " + runId + " is being trained by request " + earlier.path("requestId").asText());
        }
        models.recordRun(runId, running);
        return Optional.empty();
    }

    /** Records that the run finished with {@code version} (null when it wrote none). */
    void finished(String runId, String requestId, String version) {
        if (Identifiers.isToken(runId)) {
            models.recordRun(runId, record(runId, requestId, "done", version));
        }
    }

    private byte[] record(String runId, String requestId, String status, String version) {
        return JSON.createObjectNode().put("runId", runId).put("requestId", requestId).put("status", status)
                .put("at", clock.millis()).put("version", version).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
