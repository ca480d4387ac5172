package io.omnirec.ingest;

import io.omnirec.aws.DynamoEventStore;
import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest function behind API Gateway (HTTP API, payload 2.0), against DynamoDB on the emulator. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class IngestFunctionTest {

    static String event(String name) {
        return LocalAwsTestResource.sampleEvent(name);
    }

    static DynamoFeatureStore features() {
        return LocalAwsTestResource.features();
    }

    static DynamoEventStore events() {
        return LocalAwsTestResource.events();
    }

    @Test
    void postEvents_shouldStoreOnceAndUpdateFeatures_whenApiGatewayDeliversTheBatchTwice() {
        for (int delivery = 0; delivery < 2; delivery++) {
            String expected = delivery == 0 ? "accepted" : "duplicate";
            given().contentType(ContentType.JSON).body(event("apigw-v2-post-events-batch.json"))
                    .when().post("/_lambda_")
                    .then().statusCode(200)
                    .body("statusCode", equalTo(200))
                    .body("body", containsString("\"status\":\"" + expected + "\""));
        }
        assertTrue(events().get("pos-0001-7783").isPresent());
        assertEquals(Set.of("i00001"), features().loadShopperContext("u000001").state().purchased());
        // view 1 + add_to_cart 3 + purchase 5, each counted once although the batch came twice
        assertEquals(java.util.Map.of("i00001", 9.0, "i00002", 1.0),
                features().loadShopperContext("u000001").state().items());
    }

    @Test
    void postEvents_shouldKeepAnAnonymousSessionApart_thenMergeItIntoTheShopperOnce_whenIdentified() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-post-events-anonymous.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"status\":\"accepted\""));
        assertEquals(java.util.Map.of("i00002", 4.0),
                features().loadShopperContext(ShopperKeys.session("s-7f3a")).state().items());
        assertTrue(!features().loadShopperContext("u000042").state().hasHistory());
        for (String expected : new String[] {"accepted", "duplicate"}) {
            given().contentType(ContentType.JSON).body(event("apigw-v2-post-event-identify.json"))
                    .when().post("/_lambda_")
                    .then().statusCode(200)
                    .body("body", containsString("\"status\":\"" + expected + "\""));
        }
        var shopper = features().loadShopperContext("u000042").state();
        assertEquals(java.util.Map.of("i00002", 4.0), shopper.items(), "merged once although identified twice");
        assertEquals(Set.of("i00002"), shopper.cart().keySet());
        assertEquals(2, shopper.recent().size());
        given().contentType(ContentType.JSON)
                .body("{\"eventId\":\"steal-1\",\"sessionId\":\"s-7f3a\",\"userId\":\"u000043\",\"type\":\"identify\","
                        + "\"timestamp\":\"2026-11-28T10:03:00Z\",\"channel\":\"web\"}")
                .when().post("/v1/events").then().statusCode(400).body("error", equalTo("session_already_identified"));
    }

    @Test
    void postEvent_shouldAnswer409_whenTheIdWasUsedByAnotherEvent() {
        String first = "{\"eventId\":\"reuse-1\",\"userId\":\"u88\",\"itemId\":\"i88\",\"type\":\"view\","
                + "\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"app\"}";
        given().contentType(ContentType.JSON).body(first).when().post("/v1/events").then().statusCode(202);
        given().contentType(ContentType.JSON).body(first.replace("\"view\"", "\"purchase\"")).when().post("/v1/events")
                .then().statusCode(409).body("status", equalTo("conflict")).body("error", equalTo("event_conflict"));
        given().contentType(ContentType.JSON).body("{\"events\":[" + first + "," + first.replace("i88", "i89") + "]}")
                .when().post("/v1/events").then().statusCode(200)
                .body("duplicates", equalTo(1)).body("conflicts", equalTo(1));
        assertTrue(features().loadShopperContext("u88").state().purchased().isEmpty(), "nothing changed");
    }

    @Test
    void postEvents_shouldAnswer400WithCode_whenApiGatewayDeliversMalformedJson() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-post-events-malformed.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(400))
                .body("body", containsString("\"error\":\"invalid_json\""));
    }

    @Test
    void postEvent_shouldAnswer202ThenDuplicate_whenOneEventIsSentTwice() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-post-event-single.json"))
                .when().post("/_lambda_")
                .then().body("statusCode", equalTo(202));
        given().contentType(ContentType.JSON).body(event("apigw-v2-post-event-single.json"))
                .when().post("/_lambda_")
                .then().body("statusCode", equalTo(200)).body("body", containsString("duplicate"));
    }

    @Test
    void postEvents_shouldReportEachFate_whenBatchMixesGoodBadAndHostileEvents() {
        String body = "{\"events\":["
                + "{\"eventId\":\"mix-1\",\"userId\":\"u9\",\"itemId\":\"i9\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"web\"},"
                + "{\"eventId\":\"mix-2\",\"userId\":\"u9'; DROP TABLE x;--\",\"itemId\":\"i9\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"web\"},"
                + "{\"eventId\":\"mix-3\",\"userId\":\"u9\",\"itemId\":\"i9\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"kiosk\"},"
                + "{\"eventId\":\"mix-4\",\"userId\":\"~session:stolen\",\"itemId\":\"i9\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"web\"}"
                + "]}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("accepted"))
                .body("results[2].error", equalTo("missing_storeId"))
                .body("results[3].error", equalTo("invalid_userId"));
        assertEquals("u9'; DROP TABLE x;--", events().get("mix-2").orElseThrow().event().userId(),
                "printable text is an id, stored byte-exact");
        assertTrue(events().get("mix-4").isEmpty());
    }

    @Test
    void postEvents_shouldRejectTheWholeRequest_whenOversizedOrTooManyOrNotJson() {
        given().contentType(ContentType.JSON).body("{\"eventId\":\"" + "x".repeat(300_000) + "\"}")
                .when().post("/v1/events").then().statusCode(413).body("error", equalTo("payload_too_large"));
        given().contentType(ContentType.JSON).body("{\"events\":[" + "{},".repeat(100) + "{}]}")
                .when().post("/v1/events").then().statusCode(400).body("error", equalTo("batch_too_large"));
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/v1/events").then().statusCode(415);
        given().contentType(ContentType.JSON).body("")
                .when().post("/v1/events").then().statusCode(400).body("error", equalTo("empty_body"));
    }

    @Test
    void postEvents_shouldAddAcceptedEventsToTheLiveSalesHeatOnce_whenTheBatchComesTwice() {
        features().upsertItems(java.util.List.of(new io.omnirec.core.domain.CatalogItem("heat-1", "Lamp", "Home/Decor",
                "Lumo", 35, false)));
        java.time.Instant before = java.time.Instant.now();
        String body = "{\"events\":["
                + "{\"eventId\":\"heat-e1\",\"userId\":\"u5\",\"itemId\":\"heat-1\",\"type\":\"purchase\","
                + "\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"store\",\"storeId\":\"riverside\"},"
                + "{\"eventId\":\"heat-e2\",\"userId\":\"u5\",\"itemId\":\"heat-1\",\"type\":\"view\","
                + "\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"web\"}]}";
        for (int delivery = 0; delivery < 2; delivery++) {
            given().contentType(ContentType.JSON).body(body).when().post("/v1/events").then().statusCode(200);
        }
        double signal = 0;
        long purchases = 0;
        double atStore = 0;
        for (io.omnirec.core.aggregates.HeatTally minute : new io.omnirec.aws.DynamoHeatCounters(
                io.omnirec.aws.local.TestAws.endpoints().dynamoClient(), LocalAwsTestResource.resources.featuresTable())
                .since(before).values()) {
            signal += minute.signal().getOrDefault("heat-1", 0.0);
            purchases += minute.purchases().getOrDefault("heat-1", 0L);
            atStore += minute.stores().getOrDefault("riverside", java.util.Map.of()).getOrDefault("heat-1", 0.0);
        }
        assertEquals(1.2, signal, 1e-9, "a purchase and a view, once although the batch came twice");
        assertEquals(1, purchases);
        assertEquals(1.0, atStore, 1e-9);
    }

    @Test
    void postEvents_shouldCountOnce_whenTheSameEventIdIsTwiceInOneBatch() {
        String event = "{\"eventId\":\"twin-1\",\"userId\":\"u77\",\"itemId\":\"i77\",\"type\":\"purchase\","
                + "\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"app\"}";
        given().contentType(ContentType.JSON).body("{\"events\":[" + event + "," + event + "," + event + "]}")
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(2));
        assertEquals(java.util.Map.of("i77", 5.0), features().loadShopperContext("u77").state().items());
    }

    @Test
    void activity_shouldCountAcceptedEventsPerMinuteAndChannel_andRefuseABadWindow() {
        String body = "{\"events\":["
                + "{\"eventId\":\"act-1\",\"userId\":\"u7\",\"itemId\":\"i7\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"web\"},"
                + "{\"eventId\":\"act-2\",\"userId\":\"u7\",\"itemId\":\"i7\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"store\",\"storeId\":\"store-01\"},"
                + "{\"eventId\":\"act-3\",\"userId\":\"u7\",\"itemId\":\"i7\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"web\"},"
                + "{\"eventId\":\"act-4\",\"userId\":\"u7\",\"itemId\":\"i7\",\"type\":\"view\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"channel\":\"moon\"}"
                + "]}";
        given().contentType(ContentType.JSON).body(body).when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(3));
        java.util.List<java.util.Map<String, Object>> minutes = given().when().get("/v1/activity?minutes=5")
                .then().statusCode(200).body("size()", equalTo(5)).extract().path("");
        long web = minutes.stream().mapToLong(m -> ((Number) ((java.util.Map<?, ?>) m.get("events")).get("web"))
                .longValue()).sum();
        long store = minutes.stream().mapToLong(m -> ((Number) ((java.util.Map<?, ?>) m.get("events")).get("store"))
                .longValue()).sum();
        assertTrue(web >= 2 && store >= 1, minutes.toString());
        for (String value : java.util.List.of("0", "61", "x", "1&minutes=2")) {
            given().when().get("/v1/activity?minutes=" + value).then().statusCode(400)
                    .body("error", equalTo("invalid_minutes"));
        }
    }
}
