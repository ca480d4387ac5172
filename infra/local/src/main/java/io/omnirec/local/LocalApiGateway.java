package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.omnirec.http.ApiRoutes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An API Gateway HTTP API on localhost with the deployed API's routes ({@link ApiRoutes}): each request becomes a
 * payload-2.0 event for the function its route belongs to, and the function's answer becomes the response. Requests
 * that match no route get 404, as from API Gateway. It also serves the merged OpenAPI document, Swagger UI and the
 * demo site ({@code /storefront/}, {@code /console/}).
 */
final class LocalApiGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024 * 1024;
    /** The demo site's pages: {@code /storefront/}, {@code /console/} or their {@code /common/} scripts. */
    private static final java.util.regex.Pattern SITE = java.util.regex.Pattern.compile(
            "/(storefront|console|common)/([A-Za-z0-9_-]+\\.(?:html|js|css|png))?");
    /** Swagger UI's files, from SmallRye's build of it; the functions' zips carry no UI. */
    private static final String SWAGGER_UI = "META-INF/resources/openapi-ui/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final LocalFunction ingest;
    private final java.nio.file.Path web;
    private final java.nio.file.Path openApi;
    private volatile LocalFunction recommend;

    /**
     * @param web     the demo site ({@code web/}: {@code storefront/}, {@code console/}), served at
     *                {@code /storefront/} and {@code /console/} on the same origin as the API
     * @param openApi the functions' OpenAPI documents ({@code docs/openapi/}: {@code ingest.json},
     *                {@code recommend.json}), generated from their code and checked by their tests
     */
    LocalApiGateway(int port, LocalFunction ingest, java.nio.file.Path web, java.nio.file.Path openApi)
            throws IOException {
        this.ingest = ingest;
        this.web = web;
        this.openApi = openApi;
        this.server = HttpExchanges.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Routes recommendation requests to this function from now on. */
    void serveRecommendations(LocalFunction function) {
        this.recommend = function;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/q/openapi")) {
                sendOpenApi(exchange);
                return;
            }
            if (path.equals("/storefront") || path.equals("/console")) {
                exchange.getResponseHeaders().add("Location", path + "/");
                HttpExchanges.send(exchange, 301, new byte[0]);
                return;
            }
            java.util.regex.Matcher site = SITE.matcher(path);
            if (site.matches()) {
                sendSite(exchange, site.group(1), site.group(2));
                return;
            }
            if (path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/")) {
                sendSwaggerUi(exchange, path.substring(Math.min(path.length(), "/q/swagger-ui/".length())));
                return;
            }
            Optional<ApiRoutes.Route> route = ApiRoutes.match(exchange.getRequestMethod(), path);
            LocalFunction target = route.map(r -> r.function() == ApiRoutes.Function.INGEST ? ingest : recommend)
                    .orElse(null);
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (target == null) {
                send(exchange, route.isPresent() ? 503 : 404, route.isPresent()
                        ? "{\"error\":\"unavailable\",\"message\":\"recommend is not started yet\"}"
                        : "{\"error\":\"not_found\",\"message\":\"no such route; see /q/openapi\"}");
                return;
            }
            if (body.length > MAX_BODY) {
                send(exchange, 413, "{\"error\":\"payload_too_large\",\"message\":\"the body exceeds 1 MiB\"}");
                return;
            }
            LambdaRuntimeApi.Result result = target.invoke(event(exchange, body));
            if (result.error()) {
                send(exchange, 500, "{\"error\":\"internal_error\",\"message\":\"the function failed\"}");
                return;
            }
            JsonNode response = JSON.readTree(result.body());
            byte[] responseBody = response.path("isBase64Encoded").asBoolean()
                    ? Base64.getDecoder().decode(response.path("body").asText())
                    : response.path("body").asText("").getBytes(StandardCharsets.UTF_8);
            response.path("headers").fields().forEachRemaining(h ->
                    exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
            HttpExchanges.send(exchange, response.path("statusCode").asInt(502), responseBody);
        }
    }

    /** The API Gateway v2 (HTTP API, payload format 2.0) event for a request. */
    private static String event(HttpExchange exchange, byte[] body) throws IOException {
        return event(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                exchange.getRemoteAddress().getAddress().getHostAddress(), body);
    }

    /**
     * The event API Gateway would send: repeated query parameters arrive joined by commas ({@code k=5&k=7} as
     * {@code "5,7"}), as HTTP APIs deliver them.
     */
    private static String event(String method, String path, String query, Map<String, List<String>> requestHeaders,
                                String sourceIp, byte[] body) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        requestHeaders.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (query != null && !query.isEmpty()) {
            Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
            }
            ObjectNode node = event.putObject("queryStringParameters");
            parameters.forEach((key, values) -> node.put(key, String.join(",", values)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", requestHeaders.getOrDefault("User-Agent", List.of("")).get(0));
        if (body.length > 0) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }

    /**
     * {@code /q/openapi}: the ingest and recommend functions' documents, generated from their code, merged into one
     * (paths and schemas), so that Swagger UI ({@code /q/swagger-ui/}) shows the whole API.
     */
    private void sendOpenApi(HttpExchange exchange) throws IOException {
        ObjectNode merged = null;
        for (String function : new String[] {"ingest", "recommend"}) {
            JsonNode document = JSON.readTree(openApi.resolve(function + ".json").toFile());
            if (merged == null) {
                merged = (ObjectNode) document;
                merged.with("info").put("title", "Omnirec API");
            } else {
                merged.with("paths").setAll((ObjectNode) document.path("paths"));
                if (document.path("components").path("schemas").isObject()) {
                    merged.with("components").with("schemas")
                            .setAll((ObjectNode) document.path("components").path("schemas"));
                }
            }
        }
        send(exchange, 200, JSON.writeValueAsString(merged));
    }

    /** A file of the demo site, {@code index.html} for the folder itself. */
    private void sendSite(HttpExchange exchange, String folder, String file) throws IOException {
        java.nio.file.Path target = web.resolve(folder).resolve(file == null ? "index.html" : file);
        if (!java.nio.file.Files.isRegularFile(target)) {
            send(exchange, 404, "{\"error\":\"not_found\",\"message\":\"no such file\"}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", contentType(target.getFileName().toString())
                + (target.toString().endsWith(".png") ? "" : "; charset=utf-8"));
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        HttpExchanges.send(exchange, 200, java.nio.file.Files.readAllBytes(target));
    }

    /** Swagger UI's static files, its page pointed at the merged document. */
    private static void sendSwaggerUi(HttpExchange exchange, String file) throws IOException {
        String name = file.isEmpty() ? "index.html" : file;
        if (name.contains("..") || name.contains("/")) {
            send(exchange, 404, "{\"error\":\"not_found\",\"message\":\"no such file\"}");
            return;
        }
        try (InputStream in = LocalApiGateway.class.getClassLoader().getResourceAsStream(SWAGGER_UI + name)) {
            if (in == null) {
                send(exchange, 404, "{\"error\":\"not_found\",\"message\":\"no such file\"}");
                return;
            }
            byte[] content = in.readAllBytes();
            if (name.equals("index.html")) {
                content = new String(content, StandardCharsets.UTF_8).replace("'/openapi'", "'/q/openapi'")
                        .replace("SmallRye OpenAPI", "Omnirec API").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", contentType(name));
            HttpExchanges.send(exchange, 200, content);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? "application/octet-stream" : guessed;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        HttpExchanges.send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
