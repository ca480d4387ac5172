package io.omnirec.features;

import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The features function behind S3 ObjectCreated notifications, against S3 and DynamoDB on the emulators. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class FeaturesFunctionTest {

    static S3Client s3() {
        return LocalAwsTestResource.s3();
    }

    /** A sample event file, addressed to this test's imports bucket. */
    static String event(String name) {
        return LocalAwsTestResource.sampleEvent(name).replace("omnirec-imports", LocalAwsTestResource.resources.importsBucket());
    }

    static void upload(String key, String content) {
        s3().putObject(b -> b.bucket(LocalAwsTestResource.resources.importsBucket()).key(key),
                RequestBody.fromString(content));
    }

    @Test
    void importCatalog_shouldUpsertGoodRowsAndReportBadOnes_whenS3NotifiesAnUpload() {
        SyntheticDataset data = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(9)).generate();
        String key = "imports/catalog/catalog 2026-11-29.csv";
        upload(key, data.catalogCsv() + "bad-row,no,price,here,x,true,,,,,\n");
        given().contentType(ContentType.JSON).body(event("s3-put-catalog.json"))
                .when().post()
                .then().statusCode(200)
                .body("files[0].key", equalTo(key))
                .body("files[0].status", equalTo("imported"))
                .body("files[0].imported", equalTo(data.items().size()))
                .body("files[0].rejected", equalTo(1))
                .body("files[0].rejectionsKey", equalTo("rejects/" + key + ".rejected.csv"))
                .body("aggregatesVersion", org.hamcrest.Matchers.notNullValue());
        String rejections = s3().getObjectAsBytes(b -> b.bucket(LocalAwsTestResource.resources.importsBucket())
                .key("rejects/" + key + ".rejected.csv")).asUtf8String();
        assertTrue(rejections.contains(",invalid_price,"), rejections);
        DynamoFeatureStore features = LocalAwsTestResource.features();
        assertEquals(data.items().get(0), features.items(List.of(data.items().get(0).itemId())).get(data.items().get(0).itemId()));
        var aggregates = LocalAwsTestResource.aggregates().latest().orElseThrow();
        assertEquals(data.items().size(), aggregates.items().size(), "every imported item can be recommended");
        assertTrue(aggregates.list(io.omnirec.core.aggregates.Aggregates.NEW).size() > 0,
                "items without history are new arrivals");
    }

    @Test
    void importInteractions_shouldStoreHistoryOnceAndRebuildTheAggregates_whenAPosExportIsUploadedTwice() {
        DynamoFeatureStore features = LocalAwsTestResource.features();
        features.upsertItems(List.of(
                new io.omnirec.core.domain.CatalogItem("h1", "Coffee", "Grocery/Beverages", "Bean", 7.5, true),
                new io.omnirec.core.domain.CatalogItem("h2", "Mug", "Home/Kitchen", "Clay", 12, false)));
        String key = "imports/interactions/pos export 2026-11-29.csv";
        java.time.Instant lastMonth = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .minus(java.time.Duration.ofDays(28));
        upload(key, "user_id,item_id,timestamp,type,store_id,channel\n"
                + "old-1,h1,1998-04-22T10:00:00Z,purchase,store-02,store\n"
                + "old-1,h2," + lastMonth + ",purchase,,web\n"
                + "old-2,h1," + lastMonth.plusSeconds(86_400) + ",purchase,store-02,store\n"
                + "old-2,h2," + lastMonth.plusSeconds(86_400) + ",teleport,,web\n");
        for (int delivery = 0; delivery < 2; delivery++) {
            given().contentType(ContentType.JSON).body(event("s3-put-interactions.json"))
                    .when().post()
                    .then().statusCode(200)
                    .body("files[0].key", equalTo(key))
                    .body("files[0].status", equalTo("imported"))
                    .body("files[0].rows", equalTo(4))
                    .body("files[0].imported", equalTo(delivery == 0 ? 3 : 0))
                    .body("files[0].rejected", equalTo(1));
        }
        assertEquals(java.util.Map.of("h1", 5.0, "h2", 5.0), features.loadShopperContext("old-1").state().items(),
                "each row counted once although the file came twice; a 1998 purchase is history, not an error");
        String rejections = s3().getObjectAsBytes(b -> b.bucket(LocalAwsTestResource.resources.importsBucket())
                .key("rejects/" + key + ".rejected.csv")).asUtf8String();
        assertTrue(rejections.contains("5,invalid_type"), rejections);
        var aggregates = LocalAwsTestResource.aggregates().latest().orElseThrow();
        assertEquals(1, aggregates.item("h1").orElseThrow().buyers(), "the 1998 purchase counts for the shopper, but "
                + "the aggregates read the 400 days the log keeps (its TTL)");
        assertEquals(1, aggregates.item("h2").orElseThrow().buyers());
    }

    @Test
    void importInventory_shouldRecordWhatEachStoreCannotSell_whenS3NotifiesAStockUpload() {
        String key = "imports/inventory/riverside 2026-11-30.csv";
        upload(key, "store_id,item_id,in_stock\n"
                + "store-riverside,inv-1,false\n"
                + "store-riverside,inv-2,true\n"
                + "online,inv-2,false\n"
                + "store-riverside,inv-3,maybe\n");
        given().contentType(ContentType.JSON).body(event("s3-put-inventory.json"))
                .when().post()
                .then().statusCode(200)
                .body("files[0].key", equalTo(key))
                .body("files[0].status", equalTo("imported"))
                .body("files[0].imported", equalTo(3))
                .body("files[0].rejected", equalTo(1));
        DynamoFeatureStore features = LocalAwsTestResource.features();
        assertEquals(java.util.Set.of("inv-1"), features.loadShopperContext("anyone", "store-riverside").unavailable());
        assertEquals(java.util.Set.of("inv-2"), features.loadShopperContext("anyone", "online").unavailable());
        upload(key, "store_id,item_id,in_stock\nstore-riverside,inv-1,true\n");
        given().contentType(ContentType.JSON).body(event("s3-put-inventory.json")).when().post().then().statusCode(200);
        assertEquals(java.util.Set.of(), features.loadShopperContext("anyone", "store-riverside").unavailable(),
                "restocked");
    }

    @Test
    void importObject_shouldFailClearlyAndImportNothing_whenTheKeyIsHostile() {
        given().contentType(ContentType.JSON).body(event("s3-put-malformed.json"))
                .when().post()
                .then().statusCode(500)
                .body(containsString("not a valid import key"));
    }

    @Test
    void importObject_shouldRefuseTheNotification_whenItNamesAnotherBucket() {
        given().contentType(ContentType.JSON).body(event("s3-put-catalog.json")
                        .replace(LocalAwsTestResource.resources.importsBucket(), "someone-elses-bucket"))
                .when().post()
                .then().statusCode(500)
                .body(containsString("imports are read only from"));
    }

    @Test
    void importObject_shouldRefuse_whenTheEventIsNoS3Notification() {
        given().contentType(ContentType.JSON).body(LocalAwsTestResource.sampleEvent("eventbridge-scheduled.json"))
                .when().post()
                .then().statusCode(500)
                .body(containsString("no Records"));
    }
}
