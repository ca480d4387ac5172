package io.omnirec.recommend;

import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * S3 down at cold start, before anything was cached: recommend starts (it does not fail its init) and answers a valid
 * request with 503 JSON and {@code Retry-After}, never a 500; DynamoDB-only routes keep working.
 */
@QuarkusTest
@TestProfile(S3OutageTest.S3Down.class)
class S3OutageTest {

    /** The emulators, with the application's S3 client pointed at a closed port. */
    public static class S3Down implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalAwsTestResource.class,
                    Map.of(LocalAwsTestResource.S3, "unreachable")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void getRecommendations_shouldAnswer503WithRetryAfter_whenNothingCouldBeLoadedFromS3() {
        given().when().get("/v1/users/u000001/recommendations?k=3")
                .then().statusCode(503)
                .header("Retry-After", equalTo(Integer.toString(ServingModels.RETRY_SECONDS)))
                .body("error", equalTo("unavailable"));
        given().when().get("/v1/users/u000001/recommendations?k=0")
                .then().statusCode(400).body("error", equalTo("invalid_k"));
    }
}
