package io.omnirec.recommend;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.http.ApiGatewayEvents;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Repeated query parameters and REST API events at recommend, through the handler's normalization. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class FrontDoorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String normalized(String sample) throws Exception {
        return JSON.writeValueAsString(ApiGatewayEvents.toHttpApi(JSON.readTree(
                LocalAwsTestResource.sampleEvent(sample))));
    }

    @Test
    void repeatedK_shouldBeRejectedNamingK_andRestApiEventsServed() throws Exception {
        given().contentType(ContentType.JSON).body(normalized("apigw-v2-get-recommendations-repeated-k.json"))
                .when().post("/_lambda_").then().statusCode(200)
                .body("statusCode", equalTo(400)).body("body", containsString("\"error\":\"invalid_k\""));
        given().contentType(ContentType.JSON).body(normalized("apigw-v1-get-recommendations.json"))
                .when().post("/_lambda_").then().statusCode(200)
                .body("statusCode", not(equalTo(500))).body("body", containsString("\"items\""));
    }
}
