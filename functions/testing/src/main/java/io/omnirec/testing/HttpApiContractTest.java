package io.omnirec.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of an HTTP function, inherited by a {@code @QuarkusTest} in its module: it serves exactly the routes the
 * deployed API sends it (the shared route list), and its OpenAPI document, generated from the code by the tests' build
 * (the deployed function carries no OpenAPI extension), documents each with a summary and is the document committed
 * in {@code docs/openapi/}, which the local stack serves.
 */
public abstract class HttpApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The package of the function's JAX-RS resource classes. */
    protected abstract String resourcePackage();

    /** The route keys ({@code "GET /v1/..."}) the deployed API sends to this function. */
    protected abstract List<String> deployedRoutes();

    /** The committed document's name: {@code docs/openapi/<name>.json}. */
    protected abstract String documentName();

    @Test
    void routes_shouldBeExactlyTheRoutesTheDeployedApiSendsHere() {
        assertEquals(deployedRoutes().stream().sorted().toList(),
                RouteDocumentation.routes(resourcePackage()).stream().sorted().toList());
    }

    @Test
    void openApi_shouldDocumentEveryRouteWithASummary() {
        assertEquals(List.of(), RouteDocumentation.undocumented(generatedDocument(), resourcePackage()));
    }

    @Test
    void openApi_shouldBeTheCommittedDocument() throws IOException {
        JsonNode generated = JSON.readTree(generatedDocument());
        Path written = Path.of("target", "openapi", documentName() + ".json").toAbsolutePath();
        Files.createDirectories(written.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), generated);
        Path committed = Path.of(System.getProperty("localaws.root"), "docs", "openapi", documentName() + ".json");
        JsonNode stored = Files.exists(committed) ? JSON.readTree(committed.toFile()) : null;
        assertTrue(generated.equals(stored), "docs/openapi/" + documentName() + ".json is not the document the code "
                + "generates; if the API change is meant, commit the generated one: cp " + written + " " + committed);
    }

    private static String generatedDocument() {
        return given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }
}
