package io.omnirec.recommend;

import io.omnirec.testing.LocalAwsTestResource;
import io.omnirec.testing.RouteDocumentation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The function's OpenAPI document, generated from the code, documents every route it serves. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class OpenApiTest {

    @Test
    void openApi_shouldDocumentEveryRouteWithASummary() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(List.of(), RouteDocumentation.undocumented(document, "io.omnirec.recommend"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
