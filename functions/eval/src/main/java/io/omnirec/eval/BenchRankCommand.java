package io.omnirec.eval;

import io.omnirec.eval.bench.RankingBenchmark;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code omnirec-eval bench-rank}: the JMH benchmark of ranking compute for one request's candidate pool. */
@Command(name = "bench-rank", mixinStandardHelpOptions = true,
        description = "JMH: feature vectors + model scores for a pool of about 500 candidates (p50, p90, p99).")
final class BenchRankCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        new Runner(new OptionsBuilder().include(RankingBenchmark.class.getName())
                .jvmArgsAppend("-Xmx2g").build()).run();
        return 0;
    }
}
