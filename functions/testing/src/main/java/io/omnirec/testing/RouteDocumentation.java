package io.omnirec.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compares a function's JAX-RS routes, found by reflection on its compiled resource classes, with its OpenAPI document:
 * every route must be there with a summary, so that a route added without documentation fails its module's tests.
 */
public final class RouteDocumentation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteDocumentation() {
    }

    /** The routes ({@code "GET /v1/..."}) of the resource classes in {@code packageName} missing from the document. */
    public static List<String> undocumented(String openApiJson, String packageName) {
        JsonNode paths;
        try {
            paths = JSON.readTree(openApiJson).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        for (String route : routes(packageName)) {
            String[] parts = route.split(" ", 2);
            JsonNode operation = paths.path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (operation.path("summary").asText("").isBlank()) {
                missing.add(route);
            }
        }
        return missing;
    }

    /** Every route of the resource classes compiled into {@code target/classes} under the package. */
    public static List<String> routes(String packageName) {
        java.nio.file.Path dir = java.nio.file.Path.of("target/classes", packageName.split("\\."));
        List<String> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName(packageName + "." + name.substring(0, name.length() - 6));
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (verb != null) {
                            Path sub = method.getAnnotation(Path.class);
                            routes.add(verb.value() + " " + join(root.value(), sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("no resource classes in " + dir.toAbsolutePath());
        }
        return routes;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
