package io.omnirec.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract of an HTTP function, inherited by a {@code @QuarkusTest} in its module: it serves exactly the routes the
 * deployed API sends it (the shared route list), and its OpenAPI document, generated from the code, documents each
 * with a summary.
 */
public abstract class HttpApiContractTest {

    /** The package of the function's JAX-RS resource classes. */
    protected abstract String resourcePackage();

    /** The route keys ({@code "GET /v1/..."}) the deployed API sends to this function. */
    protected abstract List<String> deployedRoutes();

    @Test
    void routes_shouldBeExactlyTheRoutesTheDeployedApiSendsHere() {
        assertEquals(deployedRoutes().stream().sorted().toList(),
                RouteDocumentation.routes(resourcePackage()).stream().sorted().toList());
    }

    @Test
    void openApi_shouldDocumentEveryRouteWithASummary() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(List.of(), RouteDocumentation.undocumented(document, resourcePackage()));
    }
}
