package io.omnirec.train;

import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.aws.S3ModelStore;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The train function behind an EventBridge schedule, reading events from DynamoDB and writing models to S3. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainFunctionTest {
    static final SyntheticDataset DATA = new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(4, 250, 80,
            30, Instant.parse("2026-09-01T00:00:00Z"), 8)).generate();

    static String event(String name) {
        return LocalAwsTestResource.sampleEvent(name);
    }

    static S3ModelStore models() {
        return LocalAwsTestResource.models();
    }

    @BeforeAll
    static void storeHistory() {
        DynamoFeatureStore features = LocalAwsTestResource.features();
        features.upsertItems(DATA.items());
        IngestService ingest = new IngestService(LocalAwsTestResource.events(), features,
                new io.omnirec.core.store.memory.InMemoryImpressionStore(), EventValidator.live(Clock.systemUTC()));
        EventBatchParser parser = new EventBatchParser();
        DATA.eventBatches(100).parallelStream()
                .forEach(batch -> ingest.ingest(parser.parse(batch.getBytes(StandardCharsets.UTF_8)).events()));
        // an ingest request that died after storing its event: the schedule's repair applies it
        java.time.Instant past = java.time.Instant.now().minusSeconds(120);
        LocalAwsTestResource.events().claim(new io.omnirec.core.domain.ShopperEvent("stranded-1", "stranded-shopper",
                DATA.items().get(0).itemId(), io.omnirec.core.domain.EventType.VIEW, past,
                io.omnirec.core.domain.Channel.WEB, null, null, null), past, past.plusSeconds(30));
    }

    @Test
    @Order(1) // the first schedule of the run repairs the stranded event
    void train_shouldWriteAVerifiedVersionEachRun_whenTheScheduleFires() {
        var first = given().contentType(ContentType.JSON).body(event("eventbridge-scheduled.json"))
                .when().post()
                .then().statusCode(200)
                .body("version", notNullValue())
                .body("metrics.'ndcg@10'", notNullValue())
                .body("metrics.'popular_ndcg@10'", notNullValue())
                .body("metrics.'best_baseline_ndcg@10'", notNullValue())
                .body("aggregatesVersion", notNullValue())
                .body("repaired.applied", greaterThanOrEqualTo(1))
                .extract();
        assertEquals(java.util.Map.of(DATA.items().get(0).itemId(), 1.0),
                LocalAwsTestResource.features().loadShopperContext("stranded-shopper").state().items());
        String version = first.path("version");
        ModelArtifact stored = models().load(version).orElseThrow().verify();
        assertEquals(DATA.events().size() + 1, stored.card().counts().get("events"), "the history and the repaired event");
        assertEquals(java.util.Set.of(ModelCard.MODEL, ModelCard.ONNX, ModelCard.SCORER), stored.files().keySet());
        assertTrue(LocalAwsTestResource.aggregates().latest().isPresent(), "training rebuilt the aggregates");
        double model = ((Number) first.path("metrics.'ndcg@10'")).doubleValue();
        double best = ((Number) first.path("metrics.'best_baseline_ndcg@10'")).doubleValue();
        double lowerBound = ((Number) first.path("metrics.'ndcg@10_minus_best_baseline'")).doubleValue()
                - ((Number) first.path("metrics.'ndcg@10_minus_best_baseline_ci95'")).doubleValue();
        if (first.path("status").equals("promoted")) {
            assertTrue(model > best && lowerBound > 0);
            assertEquals(version, models().champion().orElseThrow());
        } else {
            assertEquals("not_promoted", first.path("status"));
            assertTrue(lowerBound <= 0);
            assertTrue(models().champion().isEmpty());
        }
        given().contentType(ContentType.JSON).body(event("eventbridge-scheduled.json"))
                .when().post().then().statusCode(200).body("status", equalTo("duplicate_delivery"))
                .body("reason", containsString(version));
        String second = given().contentType(ContentType.JSON).body(event("eventbridge-scheduled.json")
                        .replace("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "53dc4d37-cffa-4f76-80c9-000000000002"))
                .when().post().then().statusCode(200).extract().path("version");
        assertNotEquals(version, second, "each schedule writes a new immutable version");
        models().load(second).orElseThrow().verify();
    }

    @jakarta.inject.Inject
    TaskHandOver tasks;

    @Test
    @Order(0)
    void tasks_shouldKeepEveryRunInLambda_whenNoTaskIsConfigured() {
        assertTrue(tasks.tooLargeForLambda().isEmpty());
    }

    @Test
    @Order(2)
    void train_shouldOnlyRebuildTheAggregates_whenTheAggregatesScheduleFires() {
        java.util.Optional<String> champion = models().champion();
        given().contentType(ContentType.JSON).body(event("eventbridge-aggregates.json"))
                .when().post()
                .then().statusCode(200)
                .body("status", equalTo("aggregates_refreshed"))
                .body("aggregatesVersion", notNullValue())
                .body("version", equalTo(null))
                .body("repaired", notNullValue());
        assertEquals(champion, models().champion(), "the aggregates schedule trains and promotes nothing");
        given().contentType(ContentType.JSON).body(event("eventbridge-aggregates.json"))
                .when().post().then().statusCode(200).body("status", equalTo("duplicate_delivery"));
    }

    @Test
    void train_shouldRefuse_whenTheEventIsNotASchedule() {
        given().contentType(ContentType.JSON).body(event("eventbridge-malformed.json"))
                .when().post()
                .then().statusCode(500)
                .body(containsString("Scheduled Event"));
    }
}
