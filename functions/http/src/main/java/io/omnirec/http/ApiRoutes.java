package io.omnirec.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every route of Omnirec's HTTP API, the function that serves it and who may call it: the one list that the deployed
 * API (the CDK stack), the local API Gateway and each function's route test are built from, so the three cannot
 * drift apart.
 */
public final class ApiRoutes {

    /** The Lambda function behind a route. */
    public enum Function { INGEST, RECOMMEND }

    /** Who may call a route. */
    public enum Access {
        /** Anyone: only the health check. */
        OPEN,
        /** Storefront clients (web, app, kiosk): a JWT authorizer when the stack is given an issuer, otherwise IAM. */
        CLIENT,
        /** The retailer's servers and operators: IAM (SigV4) always. */
        SERVER
    }

    /**
     * One route.
     *
     * @param method   HTTP method
     * @param path     path template, {@code {name}} standing for one non-empty path segment
     * @param function the function that serves it
     * @param access   who may call it
     */
    public record Route(String method, String path, Function function, Access access) {

        /** The API Gateway route key, e.g. {@code GET /v1/users/{userId}/recommendations}. */
        public String key() {
            return method + " " + path;
        }

        /** Whether a request (its raw, still percent-encoded path) is for this route. */
        public boolean matches(String requestMethod, String rawPath) {
            if (!method.equals(requestMethod.toUpperCase(Locale.ROOT))) {
                return false;
            }
            String[] template = path.substring(1).split("/", -1);
            String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[0];
            if (template.length != segments.length) {
                return false;
            }
            for (int i = 0; i < template.length; i++) {
                boolean variable = template[i].startsWith("{");
                if (variable ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Route> ALL = List.of(
            new Route("POST", "/v1/events", Function.INGEST, Access.CLIENT),
            new Route("PUT", "/v1/users/{userId}", Function.INGEST, Access.SERVER),
            new Route("GET", "/v1/users/{userId}", Function.INGEST, Access.SERVER),
            new Route("DELETE", "/v1/users/{userId}", Function.INGEST, Access.SERVER),
            new Route("PUT", "/v1/items/{itemId}", Function.INGEST, Access.SERVER),
            new Route("GET", "/v1/items/{itemId}", Function.INGEST, Access.SERVER),
            new Route("DELETE", "/v1/items/{itemId}", Function.INGEST, Access.SERVER),
            new Route("PUT", "/v1/stores/{storeId}/stock/{itemId}", Function.INGEST, Access.SERVER),
            new Route("PUT", "/v1/stores/{storeId}", Function.INGEST, Access.SERVER),
            new Route("GET", "/v1/imports", Function.INGEST, Access.SERVER),
            new Route("GET", "/v1/activity", Function.INGEST, Access.SERVER),
            new Route("GET", "/v1/users/{userId}/recommendations", Function.RECOMMEND, Access.CLIENT),
            new Route("POST", "/v1/users/{userId}/recommendations", Function.RECOMMEND, Access.CLIENT),
            new Route("GET", "/v1/sessions/{sessionId}/recommendations", Function.RECOMMEND, Access.CLIENT),
            new Route("GET", "/v1/items/{itemId}/similar", Function.RECOMMEND, Access.CLIENT),
            new Route("POST", "/v1/rank", Function.RECOMMEND, Access.CLIENT),
            new Route("GET", "/v1/experiments/current", Function.RECOMMEND, Access.SERVER),
            new Route("PUT", "/v1/experiments/current", Function.RECOMMEND, Access.SERVER),
            new Route("DELETE", "/v1/experiments/current", Function.RECOMMEND, Access.SERVER),
            new Route("POST", "/v1/experiments/current/promote", Function.RECOMMEND, Access.SERVER),
            new Route("POST", "/v1/experiments/current/rollback", Function.RECOMMEND, Access.SERVER),
            new Route("GET", "/v1/models", Function.RECOMMEND, Access.SERVER),
            new Route("PUT", "/v1/models/champion", Function.RECOMMEND, Access.SERVER),
            new Route("GET", "/v1/health", Function.RECOMMEND, Access.OPEN));

    private ApiRoutes() {
    }

    /** Every route, in a stable order. */
    public static List<Route> all() {
        return ALL;
    }

    /** The routes one function serves. */
    public static List<Route> of(Function function) {
        return ALL.stream().filter(route -> route.function() == function).toList();
    }

    /** The route a request is for, if any. */
    public static Optional<Route> match(String method, String rawPath) {
        return ALL.stream().filter(route -> route.matches(method, rawPath)).findFirst();
    }
}
