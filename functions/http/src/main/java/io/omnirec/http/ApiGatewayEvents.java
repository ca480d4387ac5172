package io.omnirec.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every request shape API Gateway delivers, turned into the one the functions read: HTTP API payload 2.0 with a
 * percent-encoded {@code rawPath} and no stage prefix. Handled: payload 2.0 with {@code rawPath} encoded or already
 * decoded (spaces, non-ASCII, {@code +}, {@code @}), a named stage's prefix in the path, the {@code $default} route,
 * base64 bodies (passed on as they are), and REST API proxy events (payload 1.0: {@code httpMethod}, decoded
 * {@code path}, multi-value parameters and headers), whose answers go back in the 1.0 response shape. Anything else
 * is passed on unchanged.
 */
public final class ApiGatewayEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";

    private ApiGatewayEvents() {
    }

    /** The shapes told apart. */
    public enum Shape {
        /** HTTP API, payload format 2.0. */
        HTTP_API,
        /** REST API proxy integration, payload format 1.0. */
        REST_API,
        /** Not an API Gateway request (passed on unchanged). */
        OTHER
    }

    public static Shape shape(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Shape.OTHER;
        }
        if ("2.0".equals(event.path("version").asText()) && event.has("rawPath")) {
            return Shape.HTTP_API;
        }
        return event.has("httpMethod") && event.has("path") ? Shape.REST_API : Shape.OTHER;
    }

    /** Whether an HTTP API event is already what the functions read: nothing for {@link #toHttpApi} to change. */
    public static boolean isCanonical(JsonNode event) {
        if (shape(event) != Shape.HTTP_API) {
            return false;
        }
        String stage = event.path("requestContext").path("stage").asText("$default");
        String rawPath = event.path("rawPath").asText("/");
        return withoutStage(rawPath, stage).equals(rawPath) && encodePath(rawPath).equals(rawPath);
    }

    /** The event as HTTP API payload 2.0 with an encoded, stage-free {@code rawPath}. */
    public static JsonNode toHttpApi(JsonNode event) {
        return switch (shape(event)) {
            case HTTP_API -> normalizeHttpApi((ObjectNode) event.deepCopy());
            case REST_API -> fromRestApi(event);
            case OTHER -> event;
        };
    }

    /** An HTTP API answer in the REST API (1.0) response shape: cookies become {@code Set-Cookie} headers. */
    public static JsonNode toRestApiResponse(JsonNode response) {
        if (!response.isObject()) {
            return response;
        }
        ObjectNode answer = NODES.objectNode();
        answer.put("statusCode", response.path("statusCode").asInt(502));
        ObjectNode headers = answer.putObject("headers");
        response.path("headers").fields().forEachRemaining(h -> headers.set(h.getKey(), h.getValue()));
        ObjectNode multi = answer.putObject("multiValueHeaders");
        if (response.path("cookies").isArray() && !response.path("cookies").isEmpty()) {
            multi.set("Set-Cookie", response.path("cookies").deepCopy());
        }
        answer.put("body", response.path("body").asText(""));
        answer.put("isBase64Encoded", response.path("isBase64Encoded").asBoolean(false));
        return answer;
    }

    private static JsonNode normalizeHttpApi(ObjectNode event) {
        String stage = event.path("requestContext").path("stage").asText("$default");
        String rawPath = withoutStage(event.path("rawPath").asText("/"), stage);
        event.put("rawPath", encodePath(rawPath));
        JsonNode http = event.path("requestContext").path("http");
        if (http.isObject()) {
            ((ObjectNode) http).put("path", withoutStage(http.path("path").asText(rawPath), stage));
        }
        return event;
    }

    private static JsonNode fromRestApi(JsonNode v1) {
        ObjectNode v2 = NODES.objectNode();
        v2.put("version", "2.0");
        v2.put("routeKey", "$default");
        String path = v1.path("path").asText("/");
        v2.put("rawPath", encodePath(path));
        Map<String, List<String>> parameters = multiValues(v1, "multiValueQueryStringParameters",
                "queryStringParameters");
        List<String> pairs = new ArrayList<>();
        ObjectNode query = NODES.objectNode();
        parameters.forEach((key, values) -> {
            values.forEach(value -> pairs.add(encodeComponent(key) + "=" + encodeComponent(value)));
            query.put(key, String.join(",", values));
        });
        v2.put("rawQueryString", String.join("&", pairs));
        if (!parameters.isEmpty()) {
            v2.set("queryStringParameters", query);
        }
        ObjectNode headers = v2.putObject("headers");
        multiValues(v1, "multiValueHeaders", "headers").forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (v1.path("pathParameters").isObject()) {
            v2.set("pathParameters", v1.path("pathParameters").deepCopy());
        }
        JsonNode context = v1.path("requestContext");
        ObjectNode v2Context = v2.putObject("requestContext");
        for (String field : List.of("accountId", "apiId", "domainName", "domainPrefix", "requestId", "stage")) {
            if (context.hasNonNull(field)) {
                v2Context.set(field, context.get(field));
            }
        }
        v2Context.put("routeKey", "$default");
        v2Context.put("timeEpoch", context.path("requestTimeEpoch").asLong(0));
        ObjectNode http = v2Context.putObject("http");
        http.put("method", v1.path("httpMethod").asText("GET").toUpperCase(Locale.ROOT));
        http.put("path", path);
        http.put("protocol", context.path("protocol").asText("HTTP/1.1"));
        http.put("sourceIp", context.path("identity").path("sourceIp").asText(""));
        http.put("userAgent", context.path("identity").path("userAgent").asText(""));
        if (v1.hasNonNull("body")) {
            v2.put("body", v1.path("body").asText());
        }
        v2.put("isBase64Encoded", v1.path("isBase64Encoded").asBoolean(false));
        return v2;
    }

    /** The multi-value map of a 1.0 event, else its single-value one; names as sent. */
    private static Map<String, List<String>> multiValues(JsonNode v1, String multiField, String singleField) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        JsonNode multi = v1.path(multiField);
        if (multi.isObject() && !multi.isEmpty()) {
            multi.fields().forEachRemaining(e -> {
                List<String> list = new ArrayList<>();
                for (Iterator<JsonNode> it = e.getValue().elements(); it.hasNext(); ) {
                    list.add(it.next().asText());
                }
                values.put(e.getKey(), list);
            });
        } else if (v1.path(singleField).isObject()) {
            v1.path(singleField).fields().forEachRemaining(e -> values.put(e.getKey(), List.of(e.getValue().asText())));
        }
        return values;
    }

    private static String withoutStage(String path, String stage) {
        if (stage.isEmpty() || stage.equals("$default")) {
            return path;
        }
        String prefix = "/" + stage;
        return path.equals(prefix) ? "/" : path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    /**
     * A path percent-encoded as a URI needs it. A path with nothing to encode is returned as it is (it may be encoded
     * already); one with a space, a non-ASCII character or another character a URI cannot hold was delivered decoded,
     * so every character is taken literally ({@code %} too).
     */
    static String encodePath(String path) {
        boolean decoded = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!isSafe(c) && c != '%') {
                decoded = true;
                break;
            }
            if (c == '%' && !(i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2)))) {
                decoded = true;
                break;
            }
        }
        if (!decoded) {
            return path;
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && isSafe(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static String encodeComponent(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PATH_SAFE.indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
