package io.omnirec.eval;

import io.omnirec.eval.bench.BenchReport;
import io.omnirec.eval.bench.Machine;
import io.omnirec.eval.bench.Part;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code omnirec-eval bench [--quick]}: every benchmark in one go on this machine, each part in a process of its own
 * (quality on MovieLens and synthetic retail, JMH ranking, training at three history sizes, and on the local stack
 * recommend latency, cold starts, ingest and imports), then {@code target/bench/report.json} and
 * {@code target/bench/report.html}. The launcher builds the project first (the packaged functions and the empty
 * baseline Lambda the cold starts compare with) unless given {@code --no-build}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run every benchmark and write target/bench/report.html and report.json.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "every part at small sizes (about 15 minutes on 2 cores)")
    boolean quick;

    @Option(names = "--movielens", description = "MovieLens 100K directory; default ../shared/data/ml-100k beside the "
            + "repository; the quality part reports it skipped when absent")
    Path movieLens;

    @Option(names = "--out", description = "report directory; default target/bench at the repository root")
    Path out;

    @Option(names = "--no-build", description = "the launcher skips `./mvnw package -DskipTests` (already built)")
    boolean noBuild;

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("omnirec.root", ".")).toAbsolutePath().normalize();
        Path dir = (out == null ? root.resolve("target/bench") : out).toAbsolutePath();
        Files.createDirectories(dir.resolve("logs"));
        Path ml = movieLens != null ? movieLens : root.resolveSibling("shared/data/ml-100k");
        Machine machine = Machine.describe(root);
        System.out.println("omnirec-eval bench" + (quick ? " --quick" : "") + " on " + machine);
        long started = System.nanoTime();
        List<Part> parts = new ArrayList<>();
        parts.add(Files.isDirectory(ml)
                ? eval("movielens", "Quality: MovieLens 100K, published protocol", dir,
                        "movielens", "--path", ml.toString(), "--json", dir.resolve("movielens.json").toString())
                : Part.skipped("movielens", "Quality: MovieLens 100K, published protocol",
                        "no MovieLens 100K at " + ml + " (give --movielens DIR)"));
        parts.add(eval("synthetic", "Quality: synthetic retail", dir, "synthetic", "--shoppers", "2000", "--json",
                dir.resolve("synthetic.json").toString()));
        parts.add(eval("ranking", "Ranking compute (JMH)", dir, quick
                ? new String[] {"bench-rank", "--quick", "--json", dir.resolve("ranking.json").toString()}
                : new String[] {"bench-rank", "--json", dir.resolve("ranking.json").toString()}));
        parts.add(eval("training", "Training time and peak heap", dir, "bench-train", "--interactions",
                quick ? "10000,30000,100000" : "10000,100000,1000000", "--json", dir.resolve("training.json").toString()));
        parts.add(local(root, dir));
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchReport report = new BenchReport(machine, quick, seconds, parts, dir);
        report.write();
        report.printSummary(System.out);
        System.out.printf("%nbench took %.1f min; report: %s (figures: %s)%n", seconds / 60,
                dir.resolve("report.html"), dir.resolve("report.json"));
        return parts.stream().allMatch(p -> !p.status().equals("failed")) ? 0 : 1;
    }

    /** One part as a child JVM of this tool, with the heap the tool has. */
    private Part eval(String name, String title, Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                OmnirecEval.class.getName()));
        command.addAll(List.of(args));
        return run(name, title, command, dir);
    }

    /** The local-stack part: the packaged functions on the emulators, as {@code infra/local/run.sh --bench} runs. */
    private Part local(Path root, Path dir) throws IOException {
        String title = "Local stack: recommend latency, cold starts, ingest and imports";
        Path classpath = root.resolve("infra/local/target/classpath.txt");
        if (!Files.exists(classpath)) {
            return Part.failed("local", title, "missing " + classpath + ": run ./mvnw package -DskipTests", 0);
        }
        List<String> command = new ArrayList<>(List.of(java(), "-cp", root.resolve("infra/local/target/classes") + ":"
                + Files.readString(classpath).trim(), "io.omnirec.local.OmnirecLocal", "--bench", "--json",
                dir.resolve("local.json").toString()));
        if (quick) {
            command.add("--quick");
        }
        return run("local", title, command, dir);
    }

    /** Runs a part, echoing its output and keeping it in {@code logs/<name>.log}. */
    private static Part run(String name, String title, List<String> command, Path dir) throws IOException {
        System.out.printf("%n=== %s%n", title);
        Path log = dir.resolve("logs").resolve(name + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(line);
                file.println(line);
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return exit == 0 ? Part.ok(name, title, seconds, log)
                : Part.failed(name, title, "exit code " + exit + "; see " + log, seconds);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
