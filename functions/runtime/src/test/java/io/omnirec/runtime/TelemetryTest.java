package io.omnirec.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ranking.Recommendations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded-metric documents the functions write, as CloudWatch Logs reads them. */
class TelemetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final Telemetry telemetry = new Telemetry(new Capture(lines), Runnable::run);

    @AfterEach
    void endInvocation() {
        Invocations.end();
    }

    private JsonNode only() throws Exception {
        assertEquals(1, lines.size(), lines.toString());
        return JSON.readTree(lines.get(0));
    }

    @Test
    void served_shouldWriteLatencyByStrategyAndVariant_withARequestIdAndNoShopperId() throws Exception {
        Invocations.begin(null);
        Recommendations answer = new Recommendations("rec-1", "jürgen.müller@example.com", null, "model:profile_only",
                "v7", "champion", "challenger", "agg-1", List.of());
        telemetry.served("user", answer, System.nanoTime() - 5_000_000);
        JsonNode document = only();
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(Telemetry.NAMESPACE, directive.path("Namespace").asText());
        assertTrue(directive.path("Dimensions").get(0).toString().contains("Strategy"));
        assertEquals("model:profile_only", document.path("Strategy").asText());
        assertEquals("challenger", document.path("Variant").asText());
        assertTrue(document.path("Latency").asDouble() >= 5.0);
        assertEquals("rec-1", document.path("recommendationId").asText());
        assertEquals("local", document.path("requestId").asText());
        assertEquals(Identifiers.pseudonym("jürgen.müller@example.com"), document.path("shopper").asText());
        assertFalse(lines.get(0).contains("jürgen"), "no raw shopper id in a metric");
    }

    @Test
    void served_shouldWriteWhereTheFunctionWritesAfterItsAnswer_withTheValuesOfTheRequest() throws Exception {
        Telemetry afterAnswer = new Telemetry(new Capture(lines), deferred::add);
        Invocations.begin(null);
        afterAnswer.served("user", new Recommendations("rec-2", "u1", null, "model", "v7", "champion", null, "agg-1",
                List.of()), System.nanoTime() - 5_000_000);
        Invocations.end();
        assertTrue(lines.isEmpty(), "nothing is written before the answer");
        assertEquals(1, deferred.size());
        deferred.forEach(Runnable::run);
        JsonNode document = only();
        assertEquals("local", document.path("requestId").asText());
        assertEquals("rec-2", document.path("recommendationId").asText());
        assertFalse(document.path("coldStart").isMissingNode());
    }

    @Test
    void ingested_shouldCountEveryFate() throws Exception {
        telemetry.ingested(List.of(new EventResult(0, "e1", EventResult.Status.ACCEPTED, null, null),
                new EventResult(1, "e2", EventResult.Status.ACCEPTED, null, null),
                new EventResult(2, "e3", EventResult.Status.REJECTED, "invalid_type", "bad")));
        JsonNode document = only();
        assertEquals(2, document.path("EventsAccepted").asInt());
        assertEquals(1, document.path("EventsRejected").asInt());
        assertEquals(0, document.path("EventsFailed").asInt());
    }

    @Test
    void trained_shouldSkipMetricsThatAreNotNumbers() throws Exception {
        telemetry.trained("promoted", Map.of("ndcg@10", 0.25, "broken", Double.NaN), Map.of("events", 10L),
                System.nanoTime());
        JsonNode document = only();
        assertEquals(0.25, document.path("Model_ndcg@10").asDouble());
        assertTrue(document.path("Model_broken").isMissingNode());
        assertEquals(10, document.path("count_events").asInt());
    }

    @Test
    void pseudonym_shouldBeStableShortAndNotTheId() {
        assertEquals(Identifiers.pseudonym("u1"), Identifiers.pseudonym("u1"));
        assertEquals(16, Identifiers.pseudonym("u1").length());
        assertFalse(Identifiers.pseudonym("u1").equals(Identifiers.pseudonym("u2")));
    }

    /** An environment whose sink keeps each serialized document. */
    private record Capture(List<String> lines) implements Environment {
        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public String getType() {
            return "test";
        }

        @Override
        public String getLogGroupName() {
            return "test";
        }

        @Override
        public void configureContext(MetricsContext context) {
        }

        @Override
        public ISink getSink() {
            return new ISink() {
                @Override
                public void accept(MetricsContext context) {
                    try {
                        lines.addAll(context.serialize());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public CompletableFuture<Void> shutdown() {
                    return CompletableFuture.completedFuture(null);
                }
            };
        }
    }
}
