package io.omnirec.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The AWS Lambda Runtime API (2018-06-01) for one execution environment of a function, as Lambda serves it to a
 * custom runtime: the function process long-polls {@code /runtime/invocation/next} and posts each result back.
 * {@link #invoke} queues an event and waits for the function's answer. Environments of one function may share their
 * queue, as Lambda gives an invocation to whichever environment is free.
 *
 * <p>Also the Extensions API (2020-01-01) for extensions that register for {@code INVOKE} events, as Lambda serves
 * it: each invocation is announced to them, the caller gets the answer as soon as the runtime posts it, and the
 * environment takes its next invocation only when every extension has asked for its next event again.
 */
final class LambdaRuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String EXTENSIONS = "/2020-01-01/extension/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTENSION_ID = "Lambda-Extension-Identifier";

    /** A function's answer: its JSON, or its error JSON when {@code error} is set. */
    record Result(boolean error, String body) {
    }

    /** One invocation waiting for, or served by, an environment. */
    record Invocation(String requestId, byte[] event, CompletableFuture<Result> result) {
    }

    private final String functionName;
    private final HttpServer server;
    private final BlockingQueue<Invocation> queue;
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    /** Each registered extension's events, and the extensions still at work on the last one. */
    private final Map<String, BlockingQueue<byte[]>> extensions = new ConcurrentHashMap<>();
    private final java.util.Set<String> busyExtensions = new java.util.HashSet<>();
    private volatile String initError;
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

    LambdaRuntimeApi(String functionName) throws IOException {
        this(functionName, new LinkedBlockingQueue<>());
    }

    /** An environment taking its invocations from {@code queue}, which other environments of the function share. */
    LambdaRuntimeApi(String functionName, BlockingQueue<Invocation> queue) throws IOException {
        this.functionName = functionName;
        this.queue = queue;
        this.server = HttpExchanges.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "runtime-api-" + functionName);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.createContext(EXTENSIONS, this::extension);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Result invoke(String eventJson, Duration timeout) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(),
                eventJson.getBytes(StandardCharsets.UTF_8), new CompletableFuture<>());
        if (initError != null) {
            return new Result(true, initError);
        }
        queue.add(invocation);
        try {
            return invocation.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            queue.remove(invocation);
            throw new IllegalStateException(functionName + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking " + functionName, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(functionName + " failed", e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = running.remove(requestId);
                if (invocation != null) {
                    invocation.result().complete(new Result(path.endsWith("/error"),
                            new String(body, StandardCharsets.UTF_8)));
                }
                HttpExchanges.send(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("init/error")) {
                initError = new String(body, StandardCharsets.UTF_8);
                queue.forEach(i -> i.result().complete(new Result(true, initError)));
                HttpExchanges.send(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                HttpExchanges.send(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@link System#nanoTime()} when the function first asked for an invocation: its init was done. */
    long awaitFirstPoll(Duration timeout) {
        try {
            return firstPoll.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(functionName + " did not finish its init within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + functionName, e);
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Invocation invocation;
        long deadline;
        try {
            synchronized (busyExtensions) {
                while (!busyExtensions.isEmpty()) {
                    busyExtensions.wait();
                }
            }
            invocation = queue.take();
            deadline = System.currentTimeMillis() + 900_000;
            synchronized (busyExtensions) {
                for (Map.Entry<String, BlockingQueue<byte[]>> extension : extensions.entrySet()) {
                    busyExtensions.add(extension.getKey());
                    extension.getValue().add(invokeEvent(invocation.requestId(), deadline));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        running.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", arn());
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis()) + "-local");
        headers.add("Content-Type", "application/json");
        HttpExchanges.send(exchange, 200, invocation.event());
    }

    /** The Extensions API's {@code INVOKE} event of one invocation. */
    private byte[] invokeEvent(String requestId, long deadline) throws IOException {
        var event = JSON.createObjectNode().put("eventType", "INVOKE").put("deadlineMs", deadline)
                .put("requestId", requestId).put("invokedFunctionArn", arn());
        event.putObject("tracing");
        return JSON.writeValueAsBytes(event);
    }

    private String arn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    /** {@code register} (INVOKE events only) and {@code event/next}, which blocks until the next invocation. */
    private void extension(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(EXTENSIONS.length());
            exchange.getRequestBody().readAllBytes();
            if (path.equals("register") && exchange.getRequestMethod().equals("POST")) {
                String id = UUID.randomUUID().toString();
                synchronized (busyExtensions) {
                    extensions.put(id, new LinkedBlockingQueue<>());
                    busyExtensions.add(id);
                }
                exchange.getResponseHeaders().add(EXTENSION_ID, id);
                HttpExchanges.send(exchange, 200, JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("functionName", functionName).put("functionVersion", "$LATEST").put("handler", "")));
                return;
            }
            String id = exchange.getRequestHeaders().getFirst(EXTENSION_ID);
            BlockingQueue<byte[]> events = id == null ? null : extensions.get(id);
            if (!path.equals("event/next") || events == null) {
                HttpExchanges.send(exchange, 403, "{\"errorMessage\":\"unknown extension or path\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            synchronized (busyExtensions) {
                busyExtensions.remove(id);
                busyExtensions.notifyAll();
            }
            byte[] event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.getResponseHeaders().add("Lambda-Extension-Event-Identifier", UUID.randomUUID().toString());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            HttpExchanges.send(exchange, 200, event);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
