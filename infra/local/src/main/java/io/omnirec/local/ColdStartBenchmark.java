package io.omnirec.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the packaged recommend and ingest {@code function.zip} files under AWS's runtime interface client, with
 * the handler they are deployed with ({@code ApiGatewayHandler}; recommend loads its model and aggregates from S3 at
 * init), beside an empty Quarkus HTTP Lambda ({@code infra/baseline-lambda}), all built by the same build and started
 * alternately in the same run: init (process start to the first poll for an invocation) and the first call (a GET, or
 * for ingest a POST of one event, through an API Gateway v2 event).
 */
final class ColdStartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Medians over the rounds, in milliseconds. */
    record Result(int rounds, double recommendInit, double recommendFirstCall, double baselineInit,
                  double baselineFirstCall, double ingestInit, double ingestFirstCall) {
        double ratio() {
            return (recommendInit + recommendFirstCall) / (baselineInit + baselineFirstCall);
        }

        double ingestRatio() {
            return (ingestInit + ingestFirstCall) / (baselineInit + baselineFirstCall);
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

    Result run(int rounds, String shopper) throws IOException {
        DescriptiveStatistics[] stats = new DescriptiveStatistics[6];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new DescriptiveStatistics();
        }
        String recommendEvent = getEvent("/v1/users/" + shopper + "/recommendations", "k=10");
        String baselineEvent = getEvent("/ping", "");
        Path baselineZip = root.resolve("infra/baseline-lambda/target/function.zip");
        Path recommendZip = root.resolve("functions/recommend/target/function.zip");
        Path ingestZip = root.resolve("functions/ingest/target/function.zip");
        for (int round = 0; round < rounds; round++) {
            measure("baseline-cold", baselineZip, LocalFunction.HANDLER, baselineEvent, stats[2], stats[3]);
            measure("recommend-cold", recommendZip, LocalFunction.HTTP_HANDLER, recommendEvent, stats[0], stats[1]);
            measure("ingest-cold", ingestZip, LocalFunction.HTTP_HANDLER, postEvent(round), stats[4], stats[5]);
        }
        return new Result(rounds, stats[0].getPercentile(50), stats[1].getPercentile(50), stats[2].getPercentile(50),
                stats[3].getPercentile(50), stats[4].getPercentile(50), stats[5].getPercentile(50));
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.printf("Cold start under the runtime interface client, median of %d alternating starts (milliseconds)%n",
                r.rounds());
        out.println("| function | init | first call | total |");
        out.println("|---|---|---|---|");
        out.printf("| recommend (model and aggregates from S3) | %.0f | %.0f | %.0f |%n", r.recommendInit(),
                r.recommendFirstCall(), r.recommendInit() + r.recommendFirstCall());
        out.printf("| empty Quarkus HTTP Lambda | %.0f | %.0f | %.0f |%n", r.baselineInit(), r.baselineFirstCall(),
                r.baselineInit() + r.baselineFirstCall());
        out.printf("| ingest (first call: POST of one event) | %.0f | %.0f | %.0f |%n", r.ingestInit(),
                r.ingestFirstCall(), r.ingestInit() + r.ingestFirstCall());
        out.printf("recommend / empty: %.2fx; ingest / empty: %.2fx%n", r.ratio(), r.ingestRatio());
    }

    private void measure(String name, Path zip, String handler, String event, DescriptiveStatistics init,
                         DescriptiveStatistics firstCall) throws IOException {
        try (LocalFunction function = LocalFunction.start(root, name, zip, environment, workDir, handler)) {
            init.addValue(function.awaitInitMillis(Duration.ofMinutes(2)));
            long start = System.nanoTime();
            LambdaRuntimeApi.Result result = function.invoke(event);
            firstCall.addValue((System.nanoTime() - start) / 1e6);
            int status = result.error() ? 0 : JSON.readTree(result.body()).path("statusCode").asInt();
            if (status < 200 || status > 299) {
                throw new IllegalStateException(name + " answered " + result.body());
            }
        }
    }

    /** The committed single-event POST sample with an event id of its own per round (a first, not a duplicate). */
    private String postEvent(int round) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(root.resolve(
                "events/apigw-v2-post-event-single.json")));
        ObjectNode body = (ObjectNode) JSON.readTree(event.path("body").asText());
        body.put("eventId", "cold-" + java.util.UUID.randomUUID() + "-" + round);
        event.put("body", JSON.writeValueAsString(body));
        return JSON.writeValueAsString(event);
    }

    /** An API Gateway HTTP API (payload 2.0) event for a GET, from the committed sample. */
    private String getEvent(String path, String query) throws IOException {
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
}
