package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.aws.AwsClients;
import io.omnirec.aws.local.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All four functions, from their packaged {@code function.zip}, each entered through its real trigger: a catalog
 * import through an S3 notification, events through API Gateway to ingest, training through an EventBridge schedule,
 * and a recommendation through API Gateway served by the model the train function wrote; then the benchmark of
 * {@code run.sh --bench} at a tiny size (its figures are printed, never asserted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OmnirecLocalIT {
    private OmnirecLocal.Settings settings;
    private OmnirecLocal local;
    private OmnirecLocal.Report report;

    @BeforeAll
    void runThroughAllFourFunctions() throws Exception {
        settings = new OmnirecLocal.Settings(LocalAws.repoRoot(), null, LocalAws.freePort(), LocalAws.freePort(), 0,
                OmnirecLocal.sampleData());
        local = new OmnirecLocal(settings, new PrintStream(System.out, true));
        report = local.run();
    }

    @AfterAll
    void stop() {
        local.close();
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "functions and emulators must be stopped");
    }

    @Test
    @Order(1)
    void run_shouldServeTheTrainedModelWithoutPurchasedItems_whenDataFlowsThroughAllFourFunctions() throws Exception {
        // the code the Fargate task runs, as a plain java -jar on the same emulators
        OmnirecLocal.TaskRun task = local.runTrainTask("it-task-1", "train");
        assertEquals(0, task.exitCode());
        assertTrue(task.summary().path("version").isTextual(), task.summary().toString());
        assertTrue(task.summary().path("metrics").has("ndcg@10"));
        OmnirecLocal.TaskRun again = local.runTrainTask("it-task-1", "train");
        assertEquals("duplicate_delivery", again.summary().path("status").asText(), "one delivery runs once");
        OmnirecLocal.Benchmarks benchmarks = local.benchmark(new OmnirecLocal.BenchSizes(20, 1, 200));
        // the gateway routes a profile to ingest and its recommendations to recommend
        HttpClient http = HttpClient.newHttpClient();
        URI profile = URI.create(local.apiUrl() + "/v1/users/it-profile-1");
        assertEquals(200, http.send(HttpRequest.newBuilder(profile).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"age\": 30, \"gender\": \"X\", \"region\": \"R\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(profile + "/recommendations?k=3")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(profile).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(profile).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        // one OpenAPI document for the whole API, generated from both functions' code, and Swagger UI over it
        String openApi = http.send(HttpRequest.newBuilder(URI.create(local.apiUrl() + "/q/openapi")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(openApi.contains("\"/v1/events\"") && openApi.contains("\"/v1/users/{userId}/recommendations\""),
                openApi);
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(local.apiUrl() + "/q/swagger-ui/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(20, benchmarks.warm().recommend().millis().getN(), "the benchmark command runs end to end");
        assertEquals(1, benchmarks.cold().rounds());
        assertEquals(List.of(ColdStartBenchmark.BASELINE, "recommend", "ingest", "features", "train"),
                benchmarks.cold().functions().stream().map(ColdStartBenchmark.Timings::name).toList(),
                "every packaged function starts cold beside the empty one");
        assertEquals(200, benchmarks.imports().catalog().imported(), "every generated catalog row imports");
        assertEquals(200, benchmarks.imports().interactions().imported(), "every generated interaction imports");
        assertTrue(benchmarks.toJson().path("recommendLatency").path("operations").get(0).path("samplesMs").size() == 20,
                "the raw latencies reach the report");
        assertEquals(0, benchmarks.ingest().serverErrors(), "no 5xx under concurrent ingest and recommend");
        assertEquals(0, benchmarks.ingest().mismatchedShoppers(), "every shopper's state matches what was sent");

        JsonNode files = report.imports().path("files");
        assertEquals("imported", files.get(0).path("status").asText());
        assertEquals(settings.data().items(), files.get(0).path("imported").asInt());
        assertEquals(settings.data().shoppers(), files.get(1).path("imported").asInt());
        assertEquals(report.eventsSent(), report.eventsAccepted());

        // a version is always written; it serves only when it beat every single source on the held-out shoppers
        // beyond the noise
        String status = report.training().path("status").asText();
        String version = report.training().path("version").asText();
        JsonNode answer = report.recommendation();
        assertEquals(report.training().path("aggregatesVersion").asText(), answer.path("aggregatesVersion").asText());
        if (status.equals("promoted")) {
            assertEquals("model", answer.path("strategy").asText());
            assertEquals(version, answer.path("modelVersion").asText());
        } else {
            assertEquals("not_promoted", status, report.training().toString());
            JsonNode metrics = report.training().path("metrics");
            assertTrue(metrics.path("ndcg@10_minus_best_baseline").asDouble()
                    <= metrics.path("ndcg@10_minus_best_baseline_ci95").asDouble(), metrics.toString());
            assertEquals("fallback", answer.path("strategy").asText());
            assertEquals("no_model", answer.path("modelStatus").asText());
        }
        assertEquals(5, answer.path("items").size());
        assertFalse(report.purchased().isEmpty());
        assertTrue(OmnirecLocal.recommended(answer).stream().noneMatch(report.purchased()::contains),
                "recommended " + OmnirecLocal.recommended(answer) + ", bought " + report.purchased());
        assertImpressionKept(answer.path("recommendationId").asText());
        System.out.printf("model vs popularity vs best single source on held-out shoppers: nDCG@10 %.4f vs %.4f vs "
                        + "%.4f%n", report.training().path("metrics").path("ndcg@10").asDouble(),
                report.training().path("metrics").path("popular_ndcg@10").asDouble(),
                report.training().path("metrics").path("best_baseline_ndcg@10").asDouble());
    }

    /**
     * Recommend keeps each answer's impression after sending it (its internal extension, in each of its execution
     * environments): the impression is there shortly after the answer.
     */
    private void assertImpressionKept(String recommendationId) throws InterruptedException {
        try (var dynamo = AwsClients.dynamo(URI.create("http://127.0.0.1:" + settings.dynamoPort()),
                LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)) {
            var key = Map.of("pk", AttributeValue.fromS("REC#" + recommendationId),
                    "sk", AttributeValue.fromS("IMPRESSION"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!dynamo.getItem(b -> b.tableName(local.resources().featuresTable()).key(key).consistentRead(true))
                    .hasItem()) {
                assertTrue(System.nanoTime() < deadline, "no impression for " + recommendationId);
                Thread.sleep(20);
            }
        }
    }

    @Test
    @Order(2)
    void storefrontAndConsole_shouldShowReasonsReactToTheCartForgetTheShopperAndListModels_inARealBrowser()
            throws Exception {
        Assumptions.assumeTrue(StorefrontBrowser.available(),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        String shopper = report.shopper();
        try (StorefrontBrowser browser = new StorefrontBrowser(settings.root().resolve("target/screenshots"))) {
            browser.open(local.storefrontUrl(shopper));
            List<String> before = browser.cardsAfter(null);
            assertFalse(before.isEmpty());
            assertTrue(browser.reasons().stream().noneMatch(String::isBlank), "every card says why");
            browser.screenshot("storefront-before");

            String carted = before.get(0);
            String first = browser.recommendationId();
            browser.clickOnCard(carted, "Add to cart");
            List<String> after = browser.cardsAfter(first);
            browser.screenshot("storefront-after-add-to-cart");
            assertFalse(after.contains(carted), "the carted item is not recommended: " + after);
            assertNotEquals(before, after, "the recommendations react to the cart");

            String second = browser.recommendationId();
            browser.clickAndConfirm("forget");
            assertTrue(browser.statusContaining("erased").contains(shopper));
            browser.cardsAfter(second);
            browser.screenshot("storefront-after-erasure");
            assertTrue(browser.strategy().endsWith("new_shopper"), browser.strategy());

            // the operator console lists every version written (the schedule's and the task's) with the champion, the
            // sample uploads' imports and the events sent through the API per minute
            browser.open(local.apiUrl() + "/console/");
            List<String> versions = browser.rows("models", "data-version");
            assertTrue(versions.contains(report.training().path("version").asText()), versions.toString());
            assertTrue(versions.size() >= 2, "the function's and the task's versions: " + versions);
            String champion = browser.bodyAttribute("data-champion");
            assertTrue(champion.isEmpty() || versions.contains(champion), champion);
            List<String> imports = browser.rows("imports", "data-key");
            assertTrue(imports.contains("imports/catalog/sample catalog.csv"), imports.toString());
            assertTrue(imports.contains("imports/customers/sample customers.csv"), imports.toString());
            browser.rows("activity", "data-minute");
            assertTrue(Long.parseLong(browser.bodyAttribute("data-events-last-quarter-hour")) >= report.eventsAccepted(),
                    "every event sent through the API in the last minutes is counted");
            browser.screenshot("console");
        }
        HttpResponse<String> profile = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(local.apiUrl() + "/v1/users/" + shopper)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, profile.statusCode(), "the erased shopper is gone");
    }
}
