package io.omnirec.ingest;

import io.omnirec.aws.local.TestAws;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.Impression;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles, catalog items and stock over the API, and erasure, through real API Gateway events on the emulators. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class RecordsFunctionTest {

    static String event(String name) {
        return LocalAwsTestResource.sampleEvent(name);
    }

    static io.restassured.response.ValidatableResponse invoke(String eventJson) {
        return given().contentType(ContentType.JSON).body(eventJson).when().post("/_lambda_").then().statusCode(200);
    }

    @Test
    void profile_shouldBeWrittenReadAndErased_throughApiGatewayEvents() {
        invoke(event("apigw-v2-put-profile.json")).body("statusCode", equalTo(200))
                .body("body", containsString("\"gender\":\"F\""));
        invoke(event("apigw-v2-get-profile.json")).body("statusCode", equalTo(200))
                .body("body", containsString("\"homeStoreId\":\"store-02\""));
        invoke(event("apigw-v2-delete-profile.json")).body("statusCode", equalTo(200))
                .body("body", containsString("\"records\":1"));
        invoke(event("apigw-v2-get-profile.json")).body("statusCode", equalTo(404))
                .body("body", containsString("\"error\":\"unknown_shopper\""));
        invoke(event("apigw-v2-put-profile.json").replace("\\\"gender\\\": \\\"F\\\"", "\\\"gender\\\": \\\"Q\\\""))
                .body("statusCode", equalTo(400)).body("body", containsString("invalid_gender"));
    }

    @Test
    void itemAndStock_shouldBeKeptOneAtATime() {
        invoke(event("apigw-v2-put-item.json")).body("statusCode", equalTo(200))
                .body("body", containsString("\"repurchaseDays\":30"));
        given().when().get("/v1/items/coffee-beans-1kg").then().statusCode(200).body("consumable", equalTo(true));
        invoke(event("apigw-v2-put-stock.json")).body("statusCode", equalTo(200));
        assertEquals(Set.of("coffee-beans-1kg"),
                LocalAwsTestResource.features().loadShopperContext("anyone", "store-02").unavailable());
        given().contentType(ContentType.JSON).body("{\"title\": \"x\", \"category\": \"A\", \"brand\": \"B\","
                        + " \"price\": -1}").when().put("/v1/items/bad-1")
                .then().statusCode(400).body("error", equalTo("invalid_price"));
        given().when().delete("/v1/items/coffee-beans-1kg").then().statusCode(204);
        given().when().get("/v1/items/coffee-beans-1kg").then().statusCode(404).body("error", equalTo("unknown_item"));
    }

    @Test
    void erase_shouldLeaveNothingOfTheShopperInAnyTableOrBucket() {
        String user = "erase-me-91";
        String session = "s-erase-91";
        given().contentType(ContentType.JSON).body("{\"age\": 51, \"gender\": \"M\", \"region\": \"Coast\"}")
                .when().put("/v1/users/" + user).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"events\": ["
                        + "{\"eventId\": \"er-1\", \"userId\": \"" + user + "\", \"itemId\": \"i00001\", \"type\": \"purchase\","
                        + " \"timestamp\": \"2026-11-28T10:00:00Z\", \"channel\": \"store\", \"storeId\": \"store-01\"},"
                        + "{\"eventId\": \"er-2\", \"sessionId\": \"" + session + "\", \"itemId\": \"i00002\","
                        + " \"type\": \"view\", \"timestamp\": \"2026-11-28T10:05:00Z\", \"channel\": \"web\"},"
                        + "{\"eventId\": \"er-3\", \"userId\": \"" + user + "\", \"sessionId\": \"" + session + "\","
                        + " \"type\": \"identify\", \"timestamp\": \"2026-11-28T10:06:00Z\", \"channel\": \"web\"}]}")
                .when().post("/v1/events").then().statusCode(200).body("accepted", equalTo(3));
        Instant now = Instant.now();
        LocalAwsTestResource.impressions().record(new Impression("rec-er-1", user, null, Experiment.CHAMPION, "v1",
                List.of("i00003"), now));
        LocalAwsTestResource.impressions().record(new Impression("rec-er-2", ShopperKeys.session(session), null,
                Experiment.CHAMPION, "v1", List.of("i00003"), now));
        var s3 = LocalAwsTestResource.s3();
        String imports = LocalAwsTestResource.resources.importsBucket();
        s3.putObject(b -> b.bucket(imports).key("imports/customers/crm.csv"), software.amazon.awssdk.core.sync
                .RequestBody.fromString("user_id,age,gender,region,home_store_id\n" + user + ",51,M,Coast,\n"
                        + "stays-91,30,F,North,\n"));
        s3.putObject(b -> b.bucket(imports).key("rejects/imports/customers/crm.csv.rejected.csv"), software.amazon.awssdk
                .core.sync.RequestBody.fromString("line,code,reason,row\n4,invalid_gender,bad,\"" + user
                        + ",51,Q,Coast,\"\n"));
        s3.putObject(b -> b.bucket(imports).key("imports/interactions/pos.jsonl"), software.amazon.awssdk.core.sync
                .RequestBody.fromString("{\"eventId\":\"p1\",\"userId\":\"" + user + "\",\"itemId\":\"i1\"}\n"
                        + "{\"eventId\":\"p2\",\"userId\":\"stays-91\",\"itemId\":\"i1\"}\n"));
        assertTrue(!traces(user).isEmpty() && !traces(session).isEmpty(), "the shopper is there before");

        given().when().delete("/v1/users/" + user).then().statusCode(200)
                .body("sessions", equalTo(1)).body("events", equalTo(2)).body("impressions", equalTo(2))
                .body("files", equalTo(3));
        assertEquals(List.of(), traces(user));
        assertTrue(s3.getObjectAsBytes(b -> b.bucket(imports).key("imports/interactions/pos.jsonl")).asUtf8String()
                .contains("stays-91"), "other shoppers' lines stay");
        assertEquals(List.of(), traces(session));
        given().when().delete("/v1/users/" + user).then().statusCode(200).body("events", equalTo(0))
                .body("records", equalTo(0));
        given().when().get("/v1/users/" + user).then().statusCode(404).body("error", equalTo("unknown_shopper"));
    }

    /** Every table item and bucket object that mentions {@code id} anywhere, by a full scan (tests only). */
    private static List<String> traces(String id) {
        List<String> found = new ArrayList<>();
        DynamoDbClient dynamo = TestAws.endpoints().dynamoClient();
        var names = LocalAwsTestResource.resources;
        for (String table : List.of(names.eventsTable(), names.featuresTable())) {
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
                if (mentions(item, id)) {
                    found.add(table + ": " + item);
                }
            });
        }
        var s3 = LocalAwsTestResource.s3();
        for (String bucket : List.of(names.modelsBucket(), names.importsBucket())) {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(object -> {
                String text = s3.getObject(b -> b.bucket(bucket).key(object.key()), ResponseTransformer.toBytes())
                        .asString(StandardCharsets.ISO_8859_1);
                if (object.key().contains(id) || text.contains(id)) {
                    found.add(bucket + "/" + object.key());
                }
            });
        }
        return found;
    }

    private static boolean mentions(Map<String, AttributeValue> item, String id) {
        return item.entrySet().stream().anyMatch(e -> e.getKey().contains(id) || e.getValue().toString().contains(id));
    }

    @Test
    void frameworkRefusals_shouldAnswerJsonErrors_neverHtmlOrEmpty() {
        given().when().get("/v1/nothing-here").then().statusCode(404)
                .contentType(ContentType.JSON).body("error", equalTo("not_found"));
        given().when().patch("/v1/events").then().statusCode(405)
                .contentType(ContentType.JSON).body("error", equalTo("method_not_allowed"));
        given().contentType(ContentType.TEXT).body("hello").when().post("/v1/events").then().statusCode(415)
                .contentType(ContentType.JSON).body("error", equalTo("unsupported_media_type"));
    }

    @Test
    void ids_shouldBeAnyPrintableUnicode_inPathsAndBodies() {
        for (String id : List.of("j\u00fcrgen.m\u00fcller+vip@example.com", "POS/0042#17", "\u5ba2\u6237 42")) {
            String path = "/v1/users/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                    .body("{\"age\": 30, \"gender\": \"X\", \"region\": \"R\"}")
                    .when().put(path).then().statusCode(200).body("userId", equalTo(id));
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).body("userId", equalTo(id));
            assertTrue(LocalAwsTestResource.features().customer(id).isPresent(), id);
        }
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"age\": 30, \"gender\": \"X\","
                + " \"region\": \"R\"}").when().put("/v1/users/%E2%80%AEevil").then().statusCode(400)
                .body("error", equalTo("invalid_userId"));
    }

    @Test
    void imports_shouldListTheLastRunsNewestFirst_andRefuseABadLimit() {
        String bucket = LocalAwsTestResource.resources.importsBucket();
        Instant earlier = Instant.parse("2026-11-01T10:00:00Z");
        new io.omnirec.aws.UploadRecords(LocalAwsTestResource.s3(), bucket,
                java.time.Clock.fixed(earlier, java.time.ZoneOffset.UTC)).write("imports/catalog/week 44.csv",
                java.util.Optional.of(io.omnirec.core.imports.ImportKind.CATALOG), "imported", 3, 2, 1,
                "rejects/imports/catalog/week 44.csv.rejected.csv", null);
        new io.omnirec.aws.UploadRecords(LocalAwsTestResource.s3(), bucket,
                java.time.Clock.fixed(earlier.plusSeconds(60), java.time.ZoneOffset.UTC))
                .write("imports/customers/crm.csv", java.util.Optional.of(io.omnirec.core.imports.ImportKind.CUSTOMERS),
                        "rejected", 0, 0, 0, "rejects/imports/customers/crm.csv.rejected.csv", "invalid_header");
        given().when().get("/v1/imports?limit=2").then().statusCode(200)
                .body("key", equalTo(List.of("imports/customers/crm.csv", "imports/catalog/week 44.csv")))
                .body("[0].error", equalTo("invalid_header"))
                .body("[1].kind", equalTo("catalog"))
                .body("[1].imported", equalTo(2))
                .body("[1].rejectionsKey", equalTo("rejects/imports/catalog/week 44.csv.rejected.csv"));
        for (String limit : List.of("0", "101", "x", "1&limit=2")) {
            given().when().get("/v1/imports?limit=" + limit).then().statusCode(400)
                    .body("error", equalTo("invalid_limit"));
        }
    }

    @Test
    void putStore_shouldNameTheStoreForReasons_andRefuseBadNames() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Riverside\"}").when().put("/v1/stores/store-41")
                .then().statusCode(200).body("storeId", equalTo("store-41")).body("name", equalTo("Riverside"));
        assertEquals(java.util.Optional.of("Riverside"),
                LocalAwsTestResource.features().loadShopperContext("anyone", "store-41").storeName());
        for (String hostile : List.of("{}", "{\"name\":\"\"}", "{\"name\":7}", "{\"name\":\"a\",\"b\":1}",
                "{\"name\":\"" + "x".repeat(101) + "\"}", "{\"name\":\"bell\\u0007\"}", "[", "null")) {
            given().contentType(ContentType.JSON).body(hostile).when().put("/v1/stores/store-41")
                    .then().statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
        }
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().put("/v1/stores/%7Ex")
                .then().statusCode(400).body("error", equalTo("invalid_storeId"));
    }
}
