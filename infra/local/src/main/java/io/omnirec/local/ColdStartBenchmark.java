package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start of each packaged {@code function.zip} under AWS's runtime interface client, with the handler it is
 * deployed with, beside an empty Quarkus HTTP Lambda ({@code infra/baseline-lambda}), all built by the same build and
 * started one after the other in every round of the same run: init (process start to the first poll for an
 * invocation) and the first call (each function's own first piece of work, named in {@link Subject#firstCall}).
 */
final class ColdStartBenchmark {
    static final String BASELINE = "empty Quarkus HTTP Lambda";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One function to start cold.
     *
     * @param firstCall what its first invocation does, for the report
     * @param event     the first invocation's event for a round (a fresh one per round where repeats would be
     *                  duplicates)
     * @param http      whether the answer is an API Gateway response whose status must be 2xx
     */
    record Subject(String name, String firstCall, Path zip, String handler, RoundEvent event, boolean http) {
    }

    /** The first event of a round. */
    @FunctionalInterface
    interface RoundEvent {
        String forRound(int round) throws IOException;
    }

    /** One function's timings over the rounds, in milliseconds. */
    record Timings(String name, String firstCall, DescriptiveStatistics init, DescriptiveStatistics call) {
        double medianInit() {
            return init.getPercentile(50);
        }

        double medianFirstCall() {
            return call.getPercentile(50);
        }

        double medianTotal() {
            return medianInit() + medianFirstCall();
        }
    }

    /** Every function's timings; the first is the empty baseline. */
    record Result(int rounds, List<Timings> functions) {
        Timings baseline() {
            return functions.get(0);
        }

        Timings function(String name) {
            return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        }

        /** A function's median total over the baseline's. */
        double ratio(Timings function) {
            return function.medianTotal() / baseline().medianTotal();
        }
    }

    private final Path root;
    private final Map<String, String> environment;
    private final Path workDir;

    ColdStartBenchmark(Path root, Map<String, String> environment, Path workDir) {
        this.root = root;
        this.environment = environment;
        this.workDir = workDir;
    }

    /** The empty baseline, answering a GET of {@code /ping}. */
    Subject baseline() throws IOException {
        String ping = getEvent(root, "/ping", "");
        return new Subject(BASELINE, "GET /ping", root.resolve("infra/baseline-lambda/target/function.zip"),
                LocalFunction.HANDLER, round -> ping, true);
    }

    /** Starts every subject once per round, in the given order, the baseline first. */
    Result run(int rounds, List<Subject> subjects) throws IOException {
        List<Subject> all = new ArrayList<>();
        all.add(baseline());
        all.addAll(subjects);
        List<Timings> timings = all.stream().map(s -> new Timings(s.name(), s.firstCall(), new DescriptiveStatistics(),
                new DescriptiveStatistics())).toList();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < all.size(); i++) {
                measure(all.get(i), round, timings.get(i));
            }
        }
        return new Result(rounds, timings);
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.printf("Cold start under the runtime interface client, median of %d rounds (milliseconds)%n", r.rounds());
        out.println("| function | first call | init | first call | total | / empty |");
        out.println("|---|---|---|---|---|---|");
        for (Timings t : r.functions()) {
            out.printf("| %s | %s | %.0f | %.0f | %.0f | %.2fx |%n", t.name(), t.firstCall(), t.medianInit(),
                    t.medianFirstCall(), t.medianTotal(), r.ratio(t));
        }
    }

    private void measure(Subject subject, int round, Timings timings) throws IOException {
        String event = subject.event().forRound(round);
        try (LocalFunction function = LocalFunction.start(root, subject.name().replace(' ', '-') + "-cold",
                subject.zip(), environment, workDir, subject.handler())) {
            timings.init().addValue(function.awaitInitMillis(Duration.ofMinutes(2)));
            long start = System.nanoTime();
            LambdaRuntimeApi.Result result = function.invoke(event);
            timings.call().addValue((System.nanoTime() - start) / 1e6);
            if (result.error()) {
                throw new IllegalStateException(subject.name() + " failed its first call: " + result.body());
            }
            if (subject.http()) {
                int status = JSON.readTree(result.body()).path("statusCode").asInt();
                if (status < 200 || status > 299) {
                    throw new IllegalStateException(subject.name() + " answered " + result.body());
                }
            }
        }
    }

    /** The committed single-event POST sample with an event id of its own per round (a first, not a duplicate). */
    static String postEvent(Path root, String eventId) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(root.resolve(
                "events/apigw-v2-post-event-single.json")));
        ObjectNode body = (ObjectNode) JSON.readTree(event.path("body").asText());
        body.put("eventId", eventId);
        event.put("body", JSON.writeValueAsString(body));
        return JSON.writeValueAsString(event);
    }

    /** An API Gateway HTTP API (payload 2.0) event for a GET, from the committed sample. */
    static String getEvent(Path root, String path, String query) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(root.resolve(
                "events/apigw-v2-get-recommendations.json")));
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        event.put("routeKey", "$default");
        event.remove(List.of("pathParameters", "queryStringParameters"));
        ((ObjectNode) event.path("requestContext")).put("routeKey", "$default");
        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return JSON.writeValueAsString(event);
    }

    /** The timings as JSON: medians and every round's raw values. */
    static JsonNode toJson(Result r) {
        ObjectNode root = JSON.createObjectNode().put("rounds", r.rounds()).put("baseline", BASELINE);
        ArrayNode functions = root.putArray("functions");
        for (Timings t : r.functions()) {
            ObjectNode f = functions.addObject().put("name", t.name()).put("firstCall", t.firstCall())
                    .put("medianInitMs", t.medianInit()).put("medianFirstCallMs", t.medianFirstCall())
                    .put("medianTotalMs", t.medianTotal()).put("ratioToBaseline", r.ratio(t));
            ArrayNode init = f.putArray("initMs");
            for (double v : t.init().getValues()) {
                init.add(v);
            }
            ArrayNode calls = f.putArray("firstCallMs");
            for (double v : t.call().getValues()) {
                calls.add(v);
            }
        }
        return root;
    }
}
