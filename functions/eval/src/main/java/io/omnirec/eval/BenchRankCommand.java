package io.omnirec.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.eval.bench.RankingBenchmark;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code omnirec-eval bench-rank}: the JMH benchmark of ranking compute for one request's candidate pool. */
@Command(name = "bench-rank", mixinStandardHelpOptions = true,
        description = "JMH: feature vectors + model scores for a pool of about 500 candidates (p50, p90, p99).")
final class BenchRankCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "2 warm-up and 3 measured iterations of 1 s instead of 3 and 5 of 2 s")
    boolean quick;

    @Option(names = "--json", description = "also write the percentiles (microseconds) as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(RankingBenchmark.class.getName())
                .jvmArgsAppend("-Xmx2g");
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        }
        Path raw = null;
        if (json != null) {
            raw = Files.createTempFile("omnirec-jmh", ".json");
            options.resultFormat(ResultFormatType.JSON).result(raw.toString());
        }
        new Runner(options.build()).run();
        if (json != null) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode summary = mapper.createObjectNode().put("unit", "us");
            for (JsonNode benchmark : mapper.readTree(raw.toFile())) {
                String name = benchmark.path("benchmark").asText();
                JsonNode percentiles = benchmark.path("primaryMetric").path("scorePercentiles");
                summary.putObject(name.substring(name.lastIndexOf('.') + 1))
                        .put("p50", percentiles.path("50.0").asDouble())
                        .put("p90", percentiles.path("90.0").asDouble())
                        .put("p99", percentiles.path("99.0").asDouble())
                        .put("mean", benchmark.path("primaryMetric").path("score").asDouble());
            }
            mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), summary);
            Files.delete(raw);
        }
        return 0;
    }
}
