package io.omnirec.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work a function may finish after its answer has been sent, such as keeping a recommendation's impression. On
 * Lambda it registers an internal extension (the Extensions API, {@code INVOKE} events) whose thread runs the work once
 * the handler has answered and only then asks for the next event: Lambda returns the answer to the caller as soon as
 * the runtime posts it, and freezes the environment (or gives it the next invocation) only when the extension has
 * asked too. So the caller never waits for the work, and the work is never cut off by a freeze. Work is deferred only
 * for an invocation the extension has been told of; when the extension cannot register, has not been told of the
 * current invocation, or outside Lambda, each piece of work runs at once, before the answer.
 */
public final class AfterResponse implements Executor {
    private static final Logger LOG = Logger.getLogger(AfterResponse.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTENSION_API = "/2020-01-01/extension/";
    private static final String IDENTIFIER = "Lambda-Extension-Identifier";

    private final String runtimeApi;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean deferring;
    /** The request id of the last invocation the extension was told of. */
    private volatile String announced;

    private AfterResponse(String runtimeApi) {
        this.runtimeApi = runtimeApi;
    }

    /** Runs every piece of work at once. */
    public static AfterResponse inline() {
        return new AfterResponse(null);
    }

    /**
     * Registers the extension with the Lambda runtime API at {@code host:port} ({@code AWS_LAMBDA_RUNTIME_API}); must
     * be called during the function's init, before the runtime asks for its first invocation. Falls back to
     * {@link #inline()} when the registration fails.
     */
    public static AfterResponse register(String runtimeApi, String name) {
        AfterResponse afterResponse = new AfterResponse(runtimeApi);
        try {
            String id = afterResponse.registerAs(name);
            afterResponse.deferring = true;
            Thread thread = new Thread(() -> afterResponse.serve(id), name);
            thread.setDaemon(true);
            thread.start();
            LOG.info("extension " + name + " registered: work after the answer runs after it is sent");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot register extension " + name + "; work after the answer runs before it", e);
        }
        return afterResponse;
    }

    /** Whether work runs after the answer is sent (the extension is registered and serving). */
    public boolean deferring() {
        return deferring;
    }

    /** Runs {@code work} after the current invocation's answer, or at once when nothing runs after it. */
    @Override
    public void execute(Runnable work) {
        String current = Invocations.requestId();
        if (!deferring || current == null || !current.equals(announced)) {
            runSafely(work);
            return;
        }
        pending.add(work);
        if (!deferring) {
            drain(); // the extension stopped meanwhile
        }
    }

    /** Whether the extension has been told of the invocation {@code requestId}. */
    boolean announced(String requestId) {
        return requestId.equals(announced);
    }

    private String registerAs(String name) throws IOException {
        HttpURLConnection connection = open("register");
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Lambda-Extension-Name", name);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write("{\"events\":[\"INVOKE\"]}".getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        String id = connection.getHeaderField(IDENTIFIER);
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status != 200 || id == null) {
            throw new IOException("the Extensions API answered " + status + " to the registration");
        }
        return id;
    }

    /** The extension's loop: each invocation's work runs once its handler has answered, then the next event. */
    private void serve(String id) {
        while (true) {
            JsonNode event;
            try {
                event = nextEvent(id);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the Extensions API failed; work after the answer now runs before it", e);
                stopDeferring();
                return;
            }
            if (event.path("eventType").asText().equals("INVOKE")) {
                String requestId = event.path("requestId").asText();
                announced = requestId;
                long deadline = event.path("deadlineMs").asLong(System.currentTimeMillis() + 900_000);
                try {
                    if (!Invocations.awaitEnd(requestId, deadline - System.currentTimeMillis())) {
                        LOG.warning("invocation " + requestId + " reached its deadline before it answered");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopDeferring();
                    return;
                }
            }
            drain();
        }
    }

    private JsonNode nextEvent(String id) throws IOException {
        HttpURLConnection connection = open("event/next");
        connection.setRequestProperty(IDENTIFIER, id);
        connection.setReadTimeout(0);
        int status = connection.getResponseCode();
        if (status != 200) {
            throw new IOException("the Extensions API answered " + status + " to event/next");
        }
        try (InputStream in = connection.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + runtimeApi + EXTENSION_API + path)
                .toURL().openConnection();
        connection.setConnectTimeout(2_000);
        return connection;
    }

    /** From now on work runs at once; what is queued runs now. */
    private void stopDeferring() {
        deferring = false;
        drain();
    }

    private void drain() {
        for (Runnable work = pending.poll(); work != null; work = pending.poll()) {
            runSafely(work);
        }
    }

    private static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "work after the answer failed", e);
        }
    }
}
