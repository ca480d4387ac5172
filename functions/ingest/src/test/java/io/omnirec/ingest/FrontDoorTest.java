package io.omnirec.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.http.ApiGatewayEvents;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request shape API Gateway sends, through the normalization the functions' handler ({@code ApiGatewayHandler})
 * applies before Quarkus: never a 5xx, never HTML.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class FrontDoorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ValidatableResponse invoke(String sample) throws Exception {
        String event = JSON.writeValueAsString(ApiGatewayEvents.toHttpApi(JSON.readTree(
                LocalAwsTestResource.sampleEvent(sample))));
        return given().contentType(ContentType.JSON).body(event).when().post("/_lambda_").then().statusCode(200);
    }

    @Test
    void decodedPathStagePrefixBase64AndRestApiEvents_shouldAllBeServed() throws Exception {
        invoke("apigw-v2-put-profile-decoded-path.json").body("statusCode", equalTo(200))
                .body("body", containsString("j\u00fcrgen m\u00fcller+vip@example.com"));
        assertTrue(LocalAwsTestResource.features().customer("j\u00fcrgen m\u00fcller+vip@example.com").isPresent());
        invoke("apigw-v1-get-profile.json").body("statusCode", equalTo(200))
                .body("body", containsString("\"region\":\"S\u00fcd\""));
        invoke("apigw-v2-put-profile-stage.json").body("statusCode", equalTo(200));
        assertTrue(LocalAwsTestResource.features().customer("u-stage-1").isPresent(), "the stage is not the path");
        invoke("apigw-v2-post-event-base64.json").body("statusCode", equalTo(202))
                .body("body", containsString("\"status\":\"accepted\""));
        invoke("apigw-v1-post-event.json").body("statusCode", equalTo(202))
                .body("body", containsString("\"status\":\"accepted\""));
    }
}
