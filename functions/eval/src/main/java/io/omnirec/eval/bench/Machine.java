package io.omnirec.eval.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine a benchmark ran on, as the report describes it: machine-dependent figures are only comparable as
 * ratios to references measured in the same run, and this says what "the same run" was.
 *
 * @param loadAverage the one-minute load average when the run started (other work on a shared machine shows here)
 * @param commit      the repository's commit, with {@code +changes} when the working tree differed from it
 */
public record Machine(String cpu, int cores, long memoryMb, String os, String java, double loadAverage,
                      String commit, Instant started) {

    /** Reads what the JVM and Linux's {@code /proc} tell; unknown parts say so. */
    public static Machine describe(Path root) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024 * 1024) : -1;
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                os.getSystemLoadAverage(), commit(root), Instant.now());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String commit(Path root) {
        try {
            String head = git(root, "rev-parse", "--short", "HEAD");
            return git(root, "status", "--porcelain").isEmpty() ? head : head + "+changes";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path root, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    @Override
    public String toString() {
        return String.format("%s, %d cores, %,d MB memory, %s, %s, load %.2f at start, commit %s, %s", cpu, cores,
                memoryMb, os, java, loadAverage, commit, started);
    }
}
