package io.omnirec.aws.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The local AWS emulators as child processes: dynalite (DynamoDB, from {@code node_modules}) and s3proxy (S3, the
 * {@code jar-with-dependencies} in its own JVM). Ephemeral (in-memory, free ports) for tests; persistent (a data
 * folder, fixed ports) for the local run. Credentials are {@code test}/{@code test}.
 */
public final class LocalAws implements AutoCloseable {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final URI dynamoEndpoint;
    private final URI s3Endpoint;
    private final List<String> dynamoCommand = new ArrayList<>();
    private Path dynamoLog;

    private LocalAws(URI dynamoEndpoint, URI s3Endpoint) {
        this.dynamoEndpoint = dynamoEndpoint;
        this.s3Endpoint = s3Endpoint;
    }

    /** In-memory emulators on free ports; logs go to {@code target/emulators/}. */
    public static LocalAws startEphemeral() {
        return start(freePort(), freePort(), null);
    }

    /**
     * Emulators on fixed ports.
     *
     * @param dataDir where data survives restarts ({@code dynamodb/}, {@code s3/}); {@code null} for in-memory
     */
    public static LocalAws start(int dynamoPort, int s3Port, Path dataDir) {
        Path root = repoRoot();
        Path logs = root.resolve("target/emulators");
        LocalAws aws = new LocalAws(URI.create("http://127.0.0.1:" + dynamoPort), URI.create("http://127.0.0.1:" + s3Port));
        try {
            Files.createDirectories(logs);
            aws.dynamoCommand.addAll(dynaliteCommand(root, dynamoPort, dataDir));
            aws.dynamoLog = logs.resolve("dynalite-" + dynamoPort + ".log");
            aws.processes.add(spawn(aws.dynamoCommand, aws.dynamoLog));
            aws.processes.add(spawn(s3proxyCommand(root, logs, s3Port, dataDir), logs.resolve("s3proxy-" + s3Port + ".log")));
            awaitHttp(aws.dynamoEndpoint, aws.processes.get(0));
            awaitHttp(aws.s3Endpoint, aws.processes.get(1));
            return aws;
        } catch (IOException | RuntimeException e) {
            aws.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    /**
     * Kills the DynamoDB emulator by its process id, keeps it down for {@code down}, and starts it again on the same
     * port and data: for fault tests (data survives only when started with a data directory).
     */
    public void restartDynamo(Duration down) {
        ProcessHandle dynamo = ProcessHandle.of(processes.get(0).pid()).orElseThrow();
        dynamo.descendants().forEach(ProcessHandle::destroy);
        dynamo.destroy();
        try {
            dynamo.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(down.toMillis());
            processes.set(0, new ProcessBuilder(dynamoCommand).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dynamoLog.toFile())).start());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting DynamoDB", e);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not restart DynamoDB", e);
        }
        awaitHttp(dynamoEndpoint, processes.get(0));
    }

    /** Stops both emulators and waits for them to exit. */
    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    private static List<String> dynaliteCommand(Path root, int port, Path dataDir) throws IOException {
        Path cli = root.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci` in " + root);
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            Path dir = Files.createDirectories(dataDir.resolve("dynamodb"));
            command.add("--path");
            command.add(dir.toString());
        }
        return command;
    }

    private static List<String> s3proxyCommand(Path root, Path logs, int port, Path dataDir) throws IOException {
        Path jar = root.resolve("target/emulators/s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("s3proxy is missing at " + jar + ": build functions/aws first");
        }
        StringBuilder config = new StringBuilder()
                .append("s3proxy.endpoint=http://127.0.0.1:").append(port).append('\n')
                .append("s3proxy.authorization=aws-v2-or-v4\n")
                .append("s3proxy.identity=").append(ACCESS_KEY).append('\n')
                .append("s3proxy.credential=").append(SECRET_KEY).append('\n')
                .append("jclouds.identity=unused\njclouds.credential=unused\n");
        if (dataDir == null) {
            config.append("jclouds.provider=transient\n");
        } else {
            Path dir = Files.createDirectories(dataDir.resolve("s3"));
            config.append("jclouds.provider=filesystem\njclouds.filesystem.basedir=").append(dir).append('\n');
        }
        Path properties = logs.resolve("s3proxy-" + port + ".conf");
        Files.writeString(properties, config);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString());
    }

    private static Process spawn(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    private static void awaitHttp(URI endpoint, Process process) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("emulator for " + endpoint + " exited with " + process.exitValue()
                        + "; see target/emulators/*.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("emulator at " + endpoint + " did not answer within " + STARTUP_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository root: the {@code localaws.root} system property (set by the build), else the nearest folder
     * above the working directory with {@code package.json} and {@code mvnw}.
     */
    public static Path repoRoot() {
        String configured = System.getProperty("localaws.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (new File(dir, "package.json").exists() && new File(dir, "mvnw").exists()) {
                return dir.toPath();
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dlocalaws.root");
    }
}
