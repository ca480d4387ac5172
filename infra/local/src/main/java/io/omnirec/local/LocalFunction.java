package io.omnirec.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Omnirec function running as Lambda's managed Java runtime runs it: the function's {@code function.zip}
 * unpacked as the task root ({@code <task>} and {@code <task>/lib/*} on the class path), AWS's runtime interface
 * client calling the Quarkus stream handler, polling its own {@link LambdaRuntimeApi}. A function may run in several
 * execution environments (processes) that take invocations from one queue, as Lambda runs a function that is still
 * busy after its answer (an extension at work) in a second environment rather than making the next caller wait.
 */
final class LocalFunction implements AutoCloseable {
    private final String name;
    private final LambdaRuntimeApi runtime;
    private final Process process;

    private final long startedNanos;
    private final List<LocalFunction> siblings = new ArrayList<>();

    private LocalFunction(String name, LambdaRuntimeApi runtime, Process process, long startedNanos) {
        this.name = name;
        this.runtime = runtime;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Milliseconds from starting the process to its first request for an invocation (the init duration). */
    double awaitInitMillis(Duration timeout) {
        return (runtime.awaitFirstPoll(timeout) - startedNanos) / 1e6;
    }

    /**
     * @param environment the function's configuration, as a deployment would set it
     */
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** The HTTP functions' handler: normalizes every API Gateway request shape, then Quarkus' handler. */
    static final String HTTP_HANDLER = "io.omnirec.http.ApiGatewayHandler::handleRequest";
    static final java.util.Set<String> HTTP_FUNCTIONS = java.util.Set.of("ingest", "recommend");
    static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Where the runtime interface client loads its native library from, instead of unpacking it to {@code /tmp}. */
    private static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /**
     * @param environment the function's configuration, as a deployment would set it
     */
    static LocalFunction start(Path root, String name, Map<String, String> environment, Path workDir) throws IOException {
        return start(root, name, root.resolve("functions").resolve(name).resolve("target/function.zip"), environment,
                workDir);
    }

    /** A function from any {@code function.zip}, with the handler its name calls for. */
    static LocalFunction start(Path root, String name, Path zip, Map<String, String> environment, Path workDir)
            throws IOException {
        return start(root, name, zip, environment, workDir, HTTP_FUNCTIONS.contains(name) ? HTTP_HANDLER : HANDLER);
    }

    /**
     * The heap of a function's JVM: the features function is deployed with 3,008 MB (it streams large imports and
     * builds the aggregates of the whole history after them), every other one fits in 512 MB here.
     */
    static String maxHeap(String name) {
        return name.startsWith("features") ? "-Xmx2g" : "-Xmx512m";
    }

    /**
     * The JIT of a function's JVM, as deployed (the CDK stack's {@code Functions.jvmOptions}): the features and train
     * functions compute for seconds to minutes and get the full JIT; ingest and recommend get the client JIT alone,
     * as does the cold-start benchmark's empty function, because Lambda's Java 17 and 21 runtimes stop at level 1 by
     * default.
     */
    static String jit(String name) {
        return "-XX:TieredStopAtLevel=" + (name.startsWith("features") || name.startsWith("train") ? 4 : 1);
    }

    /** A function from any {@code function.zip} (e.g. the cold-start baseline) with the given handler. */
    static LocalFunction start(Path root, String name, Path zip, Map<String, String> environment, Path workDir,
                               String handler) throws IOException {
        return start(root, name, zip, environment, workDir, handler, 1);
    }

    /**
     * The function in {@code environments} execution environments sharing one invocation queue; the first one's log
     * is {@code <name>.log}, the others' {@code <name>-2.log} and so on.
     */
    static LocalFunction start(Path root, String name, Path zip, Map<String, String> environment, Path workDir,
                               String handler, int environments) throws IOException {
        Path runtimeJars = root.resolve("infra/local/target/lambda-runtime");
        if (!Files.exists(zip) || !Files.isDirectory(runtimeJars)) {
            throw new IllegalStateException("missing " + zip + " or " + runtimeJars + ": run ./mvnw package -DskipTests first");
        }
        Path task = unzip(zip, workDir.resolve(name + "-task"));
        Path nativeClient = runtimeLibrary(runtimeJars, workDir.resolve(name + "-runtime-jni.so"));
        java.util.concurrent.BlockingQueue<LambdaRuntimeApi.Invocation> queue =
                new java.util.concurrent.LinkedBlockingQueue<>();
        LocalFunction first = null;
        for (int e = 1; e <= environments; e++) {
            LocalFunction started = launch(name, e == 1 ? name : name + "-" + e, runtimeJars, nativeClient, task,
                    new LambdaRuntimeApi("omnirec-" + name, queue), environment, workDir, handler);
            if (first == null) {
                first = started;
            } else {
                first.siblings.add(started);
            }
        }
        return first;
    }

    private static LocalFunction launch(String name, String logName, Path runtimeJars, Path nativeClient, Path task,
                                        LambdaRuntimeApi runtime, Map<String, String> environment, Path workDir,
                                        String handler) throws IOException {
        String classPath = String.join(java.io.File.pathSeparator, runtimeJars + "/*", task.toString(), task + "/lib/*");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                maxHeap(name), jit(name), "-XX:+UseSerialGC", "-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient, "-cp",
                classPath, RUNTIME_CLIENT, handler));
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(logName + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "omnirec-" + name);
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("LAMBDA_TASK_ROOT", task.toString());
        long started = System.nanoTime();
        return new LocalFunction(name, runtime, builder.start(), started);
    }

    /**
     * The runtime interface client's native library, unpacked once per function: left to itself, every process the
     * client starts unpacks it to the same {@code /tmp/.libaws-lambda-jni.so}, and processes starting together (the
     * environments of one function) break each other's copy ("file too short"). Lambda runs one process per
     * environment, so it never meets this.
     */
    private static Path runtimeLibrary(Path runtimeJars, Path target) throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        try (var jars = Files.list(runtimeJars)) {
            Path client = jars.filter(p -> p.getFileName().toString().startsWith(
                    "aws-lambda-java-runtime-interface-client")).findFirst().orElseThrow(() -> new IllegalStateException(
                    "no runtime interface client in " + runtimeJars));
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(client.toFile())) {
                ZipEntry library = jar.getEntry("jni/libaws-lambda-jni.linux-" + arch + ".so");
                if (library == null) {
                    throw new IllegalStateException("no native library for " + arch + " in " + client);
                }
                try (var in = jar.getInputStream(library)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        if (Files.exists(target)) {
            try (var paths = Files.walk(target)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("unsafe entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
        return target;
    }

    String name() {
        return name;
    }

    LambdaRuntimeApi.Result invoke(String eventJson) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
        }
        for (LocalFunction sibling : siblings) {
            if (!sibling.process.isAlive()) {
                throw new IllegalStateException(name + " (another environment) exited with "
                        + sibling.process.exitValue() + "; see its log");
            }
        }
        return runtime.invoke(eventJson, Duration.ofMinutes(10));
    }

    @Override
    public void close() {
        siblings.forEach(LocalFunction::close);
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        runtime.close();
    }
}
