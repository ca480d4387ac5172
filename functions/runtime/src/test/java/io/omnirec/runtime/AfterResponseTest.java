package io.omnirec.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension against a stand-in for Lambda's Extensions API: work waits for the handler's answer, and the extension
 * asks for its next event (which lets Lambda freeze the environment) only once the work is done.
 */
class AfterResponseTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        Invocations.end();
    }

    @Test
    void workRunsAfterTheAnswerAndBeforeTheNextEvent() throws Exception {
        startExtensionsApi();
        AfterResponse afterResponse = AfterResponse.register(address(), "test-extension");
        assertTrue(afterResponse.deferring());
        awaitLog("next");

        Invocations.begin(null);
        afterResponse.execute(() -> log.add("at once"));
        assertEquals(List.of("register", "next", "at once"), log, "an invocation the extension was not told of");
        events.add("{\"eventType\":\"INVOKE\",\"requestId\":\"local\",\"deadlineMs\":"
                + (System.currentTimeMillis() + 60_000) + "}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!afterResponse.announced("local")) {
            assertTrue(System.nanoTime() < deadline, "the extension was never told of the invocation");
            Thread.sleep(5);
        }
        afterResponse.execute(() -> log.add("work"));
        Thread.sleep(200);
        assertEquals(List.of("register", "next", "at once"), log, "nothing runs before the handler has answered");

        Invocations.end();
        awaitLog("next", 2);
        assertEquals(List.of("register", "next", "at once", "work", "next"), log);
    }

    @Test
    void workRunsAtOnceWhenNoExtensionCanRegister() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AfterResponse afterResponse = AfterResponse.register("127.0.0.1:" + closedPort, "test-extension");
        assertFalse(afterResponse.deferring());
        afterResponse.execute(() -> log.add("work"));
        assertEquals(List.of("work"), log);
    }

    @Test
    void aFailingPieceOfWorkDoesNotStopTheOthers() {
        AfterResponse afterResponse = AfterResponse.inline();
        afterResponse.execute(() -> {
            throw new IllegalStateException("write failed");
        });
        afterResponse.execute(() -> log.add("work"));
        assertEquals(List.of("work"), log);
    }

    private void startExtensionsApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/2020-01-01/extension/register", exchange -> {
            log.add("register");
            exchange.getResponseHeaders().add("Lambda-Extension-Identifier", "ext-1");
            send(exchange, "{}");
        });
        server.createContext("/2020-01-01/extension/event/next", exchange -> {
            assertEquals("ext-1", exchange.getRequestHeaders().getFirst("Lambda-Extension-Identifier"));
            log.add("next");
            try {
                send(exchange, events.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    private String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitLog(String entry) throws InterruptedException {
        awaitLog(entry, 1);
    }

    private void awaitLog(String entry, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.stream().filter(entry::equals).count() < times) {
            assertTrue(System.nanoTime() < deadline, "waited for " + entry + " x" + times + ": " + log);
            Thread.sleep(10);
        }
    }
}
