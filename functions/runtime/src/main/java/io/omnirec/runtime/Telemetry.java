package io.omnirec.runtime;

import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.core.ranking.Reranked;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The functions' metrics, written as CloudWatch embedded metric format documents (one JSON line on stdout each,
 * which CloudWatch Logs turns into metrics in the {@value #NAMESPACE} namespace): recommend's latency and answer size
 * by route, strategy and variant; ingest's event fates; import rows; training outcomes. Shoppers appear only as a
 * pseudonym ({@link Identifiers#pseudonym}), never by id or demographics. A metric that cannot be written is logged and dropped:
 * it never fails the request. Each document carries the invocation's request id ({@link Invocations}). Recommend's
 * documents are written after its answer is sent ({@link AfterResponse}): their values are taken while the request is
 * served, and the write no longer delays the shopper.
 */
@Singleton
public class Telemetry {
    /** The CloudWatch namespace of every metric. */
    public static final String NAMESPACE = "Omnirec";
    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());

    private final Environment environment;
    private final Executor flushes;

    /**
     * Metrics to stdout, as Lambda's log capture expects them; written after the answer is sent when the function
     * has an {@link AfterResponse} (recommend), else at once.
     */
    @Inject
    public Telemetry(Instance<AfterResponse> afterResponse) {
        this(new LambdaEnvironment(), afterResponse.isResolvable() ? afterResponse.get() : Runnable::run);
    }

    /**
     * Metrics to the sink of another environment (tests capture them).
     *
     * @param flushes where each document is written, once its values are taken
     */
    public Telemetry(Environment environment, Executor flushes) {
        this.environment = environment;
        this.flushes = flushes;
    }

    /** Recommendations were served: latency, size, strategy, variant and the answer's recommendationId. */
    public Recommendations served(String route, Recommendations answer, long startedNanos) {
        served(route, answer.recommendationId(), answer.userId() != null ? answer.userId() : answer.sessionId(),
                answer.strategy(), answer.variant(), answer.modelVersion(), answer.items().size(), startedNanos);
        return answer;
    }

    /** A caller's list was re-ranked. */
    public Reranked ranked(Reranked answer, long startedNanos) {
        served("rank", answer.recommendationId(), answer.userId(), answer.strategy(), answer.variant(),
                answer.modelVersion(), answer.items().size(), startedNanos);
        return answer;
    }

    private void served(String route, String recommendationId, String shopper, String strategy, String variant,
                        String modelVersion, int items, long startedNanos) {
        emit(route, metrics -> {
            metrics.putDimensions(DimensionSet.of("Route", route, "Strategy", strategy,
                    "Variant", variant == null ? "none" : variant));
            metrics.putMetric("Latency", (System.nanoTime() - startedNanos) / 1e6, Unit.MILLISECONDS);
            metrics.putMetric("Items", items, Unit.COUNT);
            metrics.putProperty("recommendationId", recommendationId);
            metrics.putProperty("modelVersion", modelVersion == null ? "none" : modelVersion);
            metrics.putProperty("shopper", Identifiers.pseudonym(shopper));
        });
    }

    /** A batch of events was ingested: how many met each fate. */
    public List<EventResult> ingested(List<EventResult> results) {
        Map<EventResult.Status, Integer> fates = new EnumMap<>(EventResult.Status.class);
        for (EventResult.Status status : EventResult.Status.values()) {
            fates.put(status, 0);
        }
        results.forEach(result -> fates.merge(result.status(), 1, Integer::sum));
        emit("ingest", metrics -> {
            metrics.putDimensions(DimensionSet.of("Operation", "ingest"));
            fates.forEach((status, count) -> metrics.putMetric("Events" + capitalized(status.name()), count,
                    Unit.COUNT));
        });
        return results;
    }

    /** An uploaded file was imported (or refused as a whole). */
    public void imported(String kind, String status, long rows, long imported, long rejected) {
        emit("import", metrics -> {
            metrics.putDimensions(DimensionSet.of("Operation", "import", "Kind", kind, "Status", status));
            metrics.putMetric("ImportRows", rows, Unit.COUNT);
            metrics.putMetric("ImportRowsImported", imported, Unit.COUNT);
            metrics.putMetric("ImportRowsRejected", rejected, Unit.COUNT);
        });
    }

    /** A scheduled run finished: its status, the model's evaluation metrics and counts, and how long it took. */
    public void trained(String status, Map<String, Double> evaluation, Map<String, Long> counts, long startedNanos) {
        emit("train", metrics -> {
            metrics.putDimensions(DimensionSet.of("Operation", "train", "Status", status));
            metrics.putMetric("TrainingDuration", (System.nanoTime() - startedNanos) / 1e9, Unit.SECONDS);
            evaluation.forEach((name, value) -> {
                if (value != null && Double.isFinite(value)) {
                    metrics.putMetric("Model_" + name, value, Unit.NONE);
                }
            });
            counts.forEach((name, value) -> metrics.putProperty("count_" + name, value));
        });
    }

    private interface Fill {
        void into(MetricsLogger metrics) throws Exception;
    }

    private void emit(String what, Fill fill) {
        try {
            MetricsLogger metrics = new MetricsLogger(environment);
            metrics.setNamespace(NAMESPACE);
            fill.into(metrics);
            Invocations.current().ifPresent(invocation -> {
                metrics.putProperty("requestId", invocation.requestId());
                metrics.putProperty("coldStart", invocation.coldStart());
            });
            flushes.execute(() -> flush(what, metrics));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "dropped the " + what + " metrics", e);
        }
    }

    private static void flush(String what, MetricsLogger metrics) {
        try {
            metrics.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped the " + what + " metrics", e);
        }
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
