package io.omnirec.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/** The local HTTP servers: creating them, and writing their answers. */
final class HttpExchanges {
    private HttpExchanges() {
    }

    /**
     * An HTTP server on {@code address} whose sockets send at once ({@code TCP_NODELAY}): the JDK server writes the
     * headers and the body of an answer separately, and with Nagle's algorithm on, the body waits for the client's
     * delayed ACK of the headers, about 40 ms on Linux, twice per API call (gateway and runtime API).
     */
    static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return HttpServer.create(address, backlog);
    }

    /** Sends a complete answer; an empty body is sent without content. */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
