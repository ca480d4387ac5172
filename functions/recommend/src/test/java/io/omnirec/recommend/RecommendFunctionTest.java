package io.omnirec.recommend;

import io.omnirec.aws.DynamoEventStore;
import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.aws.S3ModelStore;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recommend function behind API Gateway, over aggregates built by the aggregates job on the emulators: with no
 * model it answers from the fallback chain and says so; then it serves the committed reference model once promoted,
 * keeps serving it when the next champion is corrupt, and refuses a model whose feature set it does not compute.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendFunctionTest {
    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    static String event(String name) {
        return LocalAwsTestResource.sampleEvent(name);
    }

    @BeforeAll
    static void seedFeaturesAndAggregates() {
        DynamoFeatureStore features = LocalAwsTestResource.features();
        DynamoEventStore events = LocalAwsTestResource.events();
        List<CatalogItem> catalog = List.of(
                new CatalogItem("i00001", "Oat milk", "Grocery/Dairy", "Alpen", 1.9, true),
                new CatalogItem("i00002", "Trail shoe", "Sports/Running", "Runa", 120, false),
                new CatalogItem("i00003", "Desk lamp", "Home/Decor", "Lumo", 35, false),
                new CatalogItem("i00004", "Running socks", "Sports/Running", "Runa", 9, false),
                new CatalogItem("i00005", "Gaming headset", "Electronics/Audio", "Beat", 59, false),
                new CatalogItem("i00006", "Garden shears", "Garden/Tools", "Verde", 24, false),
                new CatalogItem("i00007", "Trail shoe GTX", "Sports/Running", "Runa", 135, false));
        features.upsertItems(catalog);
        features.upsertCustomers(List.of(new Customer("u000001", 34, "F", "North", "store-01"),
                new Customer("gamer-1", 21, "M", "South", "store-90"), new Customer("gamer-2", 23, "M", "South",
                        "store-90"), new Customer("gardener-1", 66, "F", "West", "store-91"),
                new Customer("gardener-2", 68, "F", "West", "store-91"),
                new Customer("young-south", 22, "M", "South", "store-99"),
                new Customer("older-west", 67, "F", "West", "store-99")));
        Map<String, CatalogItem> byId = new HashMap<>();
        catalog.forEach(i -> byId.put(i.itemId(), i));
        int n = 0;
        Map<String, List<String>> bought = Map.of("a", List.of("i00002", "i00004"), "b", List.of("i00002", "i00004"),
                "c", List.of("i00002", "i00004"), "u000001", List.of("i00002"), "gamer-1", List.of("i00005"),
                "gamer-2", List.of("i00005"), "gardener-1", List.of("i00006"), "gardener-2", List.of("i00006"));
        for (String user : new java.util.TreeSet<>(bought.keySet())) {
            for (String item : bought.get(user)) {
                ShopperEvent e = new ShopperEvent("seed-" + n++, user, item, EventType.PURCHASE,
                        Instant.parse("2026-11-20T10:00:00Z").plusSeconds(n), Channel.WEB, null, null, null);
                events.putIfAbsent(e);
                features.apply(InteractionUpdate.of(e, Optional.of(byId.get(item))));
            }
        }
        LocalAwsTestResource.aggregatesJob(Clock.fixed(NOW, ZoneOffset.UTC)).run();
    }

    @Test
    @Order(1)
    void getRecommendations_shouldAnswerFromTheFallbackWithoutPurchasedItems_whenNoModelExists() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-get-recommendations.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"strategy\":\"fallback\""))
                .body("body", containsString("\"modelStatus\":\"no_model\""))
                .body("body", containsString("\"recommendationId\""))
                .body("body", containsString("\"aggregatesVersion\":\"20261122T000000Z-"))
                .body("body", containsString("\"itemId\":\"i00004\""))
                .body("body", not(containsString("\"itemId\":\"i00002\"")));
    }

    @Test
    @Order(1)
    void getRecommendations_shouldRankByPopularity_whenShopperIsNewAndNoModelExists() {
        given().when().get("/v1/users/newcomer/recommendations?k=2")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].itemId", equalTo("i00002"))
                .body("items[0].reason", equalTo("Popular with shoppers right now"));
    }

    @Test
    @Order(1)
    void getRecommendations_shouldServeEachSegmentItsOwnFavourites_whenAShopperHasOnlyAProfile() {
        given().when().get("/v1/users/young-south/recommendations?k=3").then().statusCode(200)
                .body("strategy", equalTo("fallback:profile_only"))
                .body("items[0].itemId", equalTo("i00005"))
                .body("items[0].reason", equalTo("Popular with shoppers like you"));
        given().when().get("/v1/users/older-west/recommendations?k=3").then().statusCode(200)
                .body("strategy", equalTo("fallback:profile_only"))
                .body("items[0].itemId", equalTo("i00006"));
    }

    @Test
    @Order(1)
    void getRecommendations_shouldDropABoughtDurableAndItsNearDuplicates_andBringAConsumableBackAfterItsCycle() {
        given().when().get("/v1/users/buyer-9/recommendations?k=10").then().statusCode(200)
                .body("items.itemId", hasItem("i00007")).body("items.itemId", hasItem("i00001"));
        CatalogItem shoe = new CatalogItem("i00002", "Trail shoe", "Sports/Running", "Runa", 120, false);
        CatalogItem milk = new CatalogItem("i00001", "Oat milk", "Grocery/Dairy", "Alpen", 1.9, true);
        LocalAwsTestResource.features().apply(InteractionUpdate.of(new ShopperEvent("b9-1", "buyer-9", "i00002",
                EventType.PURCHASE, Instant.now().minusSeconds(3600), Channel.STORE, "store-01", null, null),
                Optional.of(shoe)));
        LocalAwsTestResource.features().apply(InteractionUpdate.of(new ShopperEvent("b9-2", "buyer-9", "i00001",
                EventType.PURCHASE, Instant.now().minusSeconds(2 * 86_400), Channel.WEB, null, null, null),
                Optional.of(milk)));
        given().when().get("/v1/users/buyer-9/recommendations?k=10").then().statusCode(200)
                .body("items.itemId", not(hasItem("i00002")))
                .body("items.itemId", not(hasItem("i00007")))
                .body("items.itemId", not(hasItem("i00001")))
                .body("items.itemId", hasItem("i00003"));
        LocalAwsTestResource.features().apply(InteractionUpdate.of(new ShopperEvent("b10-1", "buyer-10", "i00001",
                EventType.PURCHASE, Instant.now().minusSeconds(8 * 86_400), Channel.WEB, null, null, null),
                Optional.of(milk)));
        given().when().get("/v1/users/buyer-10/recommendations?k=10").then().statusCode(200)
                .body("items.itemId", hasItem("i00001"));
    }

    @Test
    void getRecommendations_shouldAnswer400_whenKOrIdsAreInvalid() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-get-recommendations-bad-k.json"))
                .when().post("/_lambda_")
                .then().body("statusCode", equalTo(400)).body("body", containsString("invalid_k"));
        given().when().get("/v1/users/u1/recommendations?k=ten").then().statusCode(400).body("error", equalTo("invalid_k"));
        given().when().get("/v1/users/" + "u".repeat(300) + "/recommendations").then().statusCode(400)
                .body("error", equalTo("invalid_userId"));
        given().when().get("/v1/users/u1/recommendations?storeId=\u202Ex").then().statusCode(400)
                .body("error", equalTo("invalid_storeId"));
    }

    @Test
    @Order(1)
    void postRecommendations_shouldProposeTheCartsComplement_andNotTheCartedItem_whenAKioskSendsTheCart() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-post-recommendations-cart.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("{\"itemId\":\"i00004\""))
                .body("body", containsString("Often bought with the Trail shoe in your cart"))
                .body("body", not(containsString("\"itemId\":\"i00002\"")));
    }

    @Test
    void postRecommendations_shouldAnswer4xxJson_whenTheBodyIsMalformedOversizedOrHostile() {
        given().contentType(ContentType.JSON).body("{\"cart\": [").when().post("/v1/users/u1/recommendations")
                .then().statusCode(400).body("error", equalTo("invalid_json"));
        given().contentType(ContentType.JSON).body("{\"cart\": [\"\\u0007x\"]}")
                .when().post("/v1/users/u1/recommendations")
                .then().statusCode(400).body("error", equalTo("invalid_cart"));
        given().contentType(ContentType.JSON).body("{\"channel\": \"store\"}")
                .when().post("/v1/users/u1/recommendations")
                .then().statusCode(400).body("error", equalTo("missing_storeId"));
        given().contentType(ContentType.JSON).body("{\"category\": \"" + "x".repeat(20_000) + "\"}")
                .when().post("/v1/users/u1/recommendations")
                .then().statusCode(413).body("error", equalTo("payload_too_large"));
        given().when().get("/v1/users/u1/recommendations?k=101").then().statusCode(400)
                .body("error", equalTo("invalid_k"));
        given().when().get("/v1/users/u1/recommendations?channel=fax").then().statusCode(400)
                .body("error", equalTo("invalid_channel"));
    }

    @Test
    @Order(1)
    void getRecommendations_shouldProposeTheCartsComplement_rightAfterAnAddToCartIsApplied() {
        CatalogItem shoe = new CatalogItem("i00002", "Trail shoe", "Sports/Running", "Runa", 120, false);
        LocalAwsTestResource.features().apply(InteractionUpdate.of(new ShopperEvent("cart-1", "carter", "i00002",
                EventType.ADD_TO_CART, NOW.minusSeconds(60), Channel.APP, null, null, null), Optional.of(shoe)));
        given().when().get("/v1/users/carter/recommendations?k=2")
                .then().statusCode(200)
                .body("items[0].itemId", equalTo("i00004"))
                .body("items[0].reason", equalTo("Often bought with the Trail shoe in your cart"))
                .body("items.itemId", not(hasItem("i00002")));
    }

    @Test
    @Order(1)
    void getSessionRecommendations_shouldServeAnAnonymousVisitorFromTheSessionsOwnEvents() {
        given().when().get("/v1/sessions/s-7f3a/recommendations?k=2").then().statusCode(200)
                .body("strategy", equalTo("fallback:anonymous"))
                .body("items[0].itemId", equalTo("i00002"));
        CatalogItem shoe = new CatalogItem("i00002", "Trail shoe", "Sports/Running", "Runa", 120, false);
        LocalAwsTestResource.features().apply(InteractionUpdate.of(new ShopperEvent("anon-1",
                ShopperKeys.session("s-7f3a"), "i00002", EventType.VIEW, Instant.now().minusSeconds(30), Channel.WEB,
                null, "s-7f3a", null), Optional.of(shoe)));
        given().contentType(ContentType.JSON).body(event("apigw-v2-get-session-recommendations.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"sessionId\":\"s-7f3a\""))
                .body("body", containsString("\"strategy\":\"fallback:session\""))
                .body("body", containsString("{\"itemId\":\"i00004\""))
                .body("body", containsString("Often bought with the Trail shoe you just viewed"));
        given().when().get("/v1/sessions/\u202Ex/recommendations").then().statusCode(400)
                .body("error", equalTo("invalid_sessionId"));
    }

    @Test
    @Order(1)
    void postRank_shouldOrderTheCallersList_andListWhatItLeftOut() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-post-rank.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"items\":[{\"itemId\":\"i00004\""))
                .body("body", containsString("{\"itemId\":\"i00002\",\"reason\":\"not_eligible\"}"))
                .body("body", containsString("{\"itemId\":\"i99999\",\"reason\":\"unknown_item\"}"));
        given().contentType(ContentType.JSON).body("{\"userId\": \"u1\", \"itemIds\": [\"~x\"]}")
                .when().post("/v1/rank").then().statusCode(400).body("error", equalTo("invalid_itemIds"));
        given().contentType(ContentType.JSON).body("[]").when().post("/v1/rank").then().statusCode(400)
                .body("error", equalTo("invalid_body"));
    }

    @Test
    void getRecommendations_shouldLeaveOutWhatTheStoreHasNotInStock_whenAskedInTheStore() {
        given().when().get("/v1/users/stocktaker/recommendations?k=10&storeId=store-09&channel=store")
                .then().statusCode(200).body("items.itemId", hasItem("i00004"));
        LocalAwsTestResource.features().applyStock(List.of(
                new io.omnirec.core.domain.StockLevel("store-09", "i00004", false)));
        given().when().get("/v1/users/stocktaker/recommendations?k=10&storeId=store-09&channel=store")
                .then().statusCode(200).body("items.itemId", not(hasItem("i00004")));
        given().when().get("/v1/users/stocktaker/recommendations?k=10&storeId=store-09&channel=web")
                .then().statusCode(200).body("items.itemId", hasItem("i00004"));
    }

    @Test
    void getRecommendations_shouldKeepToTheCategoryAndExclusions_whenAsked() {
        given().when().get("/v1/users/newcomer/recommendations?k=5&category=Sports&exclude=i00002")
                .then().statusCode(200)
                .body("items.itemId", org.hamcrest.Matchers.containsInAnyOrder("i00004", "i00007"));
    }

    @Test
    void getSimilarItems_shouldNameTheRelation_andAnswer404ForAnUnknownItem() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-get-similar-items.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"itemId\":\"i00004\",\"title\":\"Running socks\""))
                .body("body", containsString("\"relation\":\"bought_together\""))
                .body("body", containsString("Often bought together with Trail shoe"));
        given().when().get("/v1/items/nothing-here/similar").then().statusCode(404)
                .body("error", equalTo("unknown_item"));
        given().when().get("/v1/items/\u202Ex/similar").then().statusCode(400).body("error", equalTo("invalid_itemId"));
    }

    @Test
    void getSimilarItems_shouldLeaveOutWhatIsOutOfStockAtTheStoreAsked() {
        given().when().get("/v1/items/i00002/similar?k=3&storeId=store-11").then().statusCode(200)
                .body("items.itemId", hasItem("i00004"));
        LocalAwsTestResource.features().applyStock(List.of(
                new io.omnirec.core.domain.StockLevel("store-11", "i00004", false)));
        given().when().get("/v1/items/i00002/similar?k=3&storeId=store-11").then().statusCode(200)
                .body("items.itemId", not(hasItem("i00004")));
        given().when().get("/v1/items/i00002/similar?k=3").then().statusCode(200)
                .body("items.itemId", hasItem("i00004"));
        given().when().get("/v1/items/i00002/similar?storeId=a&storeId=b").then().statusCode(400)
                .body("error", equalTo("invalid_storeId"));
    }

    static S3ModelStore models() {
        return LocalAwsTestResource.models();
    }

    @Test
    @Order(2)
    void getRecommendations_shouldServeTheChampion_whenAModelIsPromoted() {
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        models().putVersion(reference);
        models().promote(reference.version());
        given().when().get("/v1/users/u000001/recommendations?k=2")
                .then().statusCode(200)
                .body("strategy", equalTo("model"))
                .body("modelVersion", equalTo(reference.version()))
                .body("modelStatus", equalTo("champion"))
                .body("items.itemId", not(hasItem("i00002")));
    }

    static ModelArtifact renamed(ModelArtifact source, String version, ModelCard.FeatureSet features) {
        ModelCard c = source.card();
        return new ModelArtifact(new ModelCard(c.schemaVersion(), version, c.createdAt(), c.algorithm(),
                c.hyperparameters(), c.seed(), features, c.candidateSources(), c.tribuo(), c.dataWindow(), c.counts(),
                c.metrics(), c.timingsMillis(), c.artifacts()), source.files());
    }

    @Test
    @Order(3)
    void getRecommendations_shouldKeepTheLastGoodModel_whenTheNewChampionIsCorrupt() {
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        byte[] damaged = reference.files().get(ModelCard.SCORER).clone();
        damaged[damaged.length / 2] ^= 0x5A;
        Map<String, byte[]> files = new HashMap<>(reference.files());
        files.put(ModelCard.SCORER, damaged);
        ModelArtifact corrupt = renamed(new ModelArtifact(reference.card(), files), "corrupt-" + reference.version(),
                reference.card().featureSet());
        models().putVersion(corrupt);
        models().promote(corrupt.version());
        given().when().get("/v1/users/u000001/recommendations?k=2")
                .then().statusCode(200)
                .body("strategy", equalTo("model"))
                .body("modelVersion", equalTo(reference.version()))
                .body("modelStatus", containsString("last_good"));
    }

    @Test
    @Order(4)
    void getRecommendations_shouldRefuseAModel_whenItNeedsAnotherFeatureSet() {
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        ModelArtifact foreign = renamed(reference, "foreign-" + reference.version(),
                new ModelCard.FeatureSet("v9-elsewhere", List.of("something_else")));
        models().putVersion(foreign);
        models().promote(foreign.version());
        given().when().get("/v1/users/u000001/recommendations?k=2")
                .then().statusCode(200)
                .body("modelVersion", equalTo(reference.version()))
                .body("modelStatus", containsString("feature set"));
    }

    @Test
    @Order(5)
    void experiment_shouldSplitShoppers_creditAPurchaseAtTheTill_andPromoteAndRollBackInOneCallEach() {
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        models().promote(reference.version());
        given().when().get("/v1/experiments/current").then().statusCode(404).body("error", equalTo("no_experiment"));
        given().contentType(ContentType.JSON).body("{\"challenger\":\"nope\",\"share\":0.5}")
                .when().put("/v1/experiments/current").then().statusCode(404).body("error", equalTo("unknown_version"));
        given().contentType(ContentType.JSON).body("{\"challenger\":\"" + reference.version() + "\",\"share\":2}")
                .when().put("/v1/experiments/current").then().statusCode(400).body("error", equalTo("invalid_share"));
        ModelArtifact challenger = renamed(reference, "challenger-" + reference.version(),
                reference.card().featureSet());
        models().putVersion(challenger);
        String experimentId = given().contentType(ContentType.JSON)
                .body("{\"challenger\":\"" + challenger.version() + "\",\"share\":0.5}")
                .when().put("/v1/experiments/current").then().statusCode(201)
                .body("champion", equalTo(reference.version())).extract().path("id");
        Experiment experiment = models().experiment().orElseThrow();
        assertEquals(experimentId, experiment.id());
        String shopper = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "exp-shopper-" + i)
                .filter(u -> experiment.variantOf(u).equals(Experiment.CHALLENGER)).findFirst().orElseThrow();
        String other = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "exp-shopper-" + i)
                .filter(u -> experiment.variantOf(u).equals(Experiment.CHAMPION)).findFirst().orElseThrow();
        given().when().get("/v1/users/" + other + "/recommendations?k=2").then().statusCode(200)
                .body("variant", equalTo("champion")).body("modelVersion", equalTo(reference.version()));
        var answer = given().when().get("/v1/users/" + shopper + "/recommendations?k=2").then().statusCode(200)
                .body("variant", equalTo("challenger")).body("modelVersion", equalTo(challenger.version()))
                .extract();
        String recommendationId = answer.path("recommendationId");
        String item = answer.path("items[0].itemId");

        IngestService till = new IngestService(LocalAwsTestResource.events(), LocalAwsTestResource.features(),
                LocalAwsTestResource.impressions(), EventValidator.live(Clock.systemUTC()));
        String purchase = "{\"eventId\":\"till-" + recommendationId + "\",\"userId\":\"" + shopper
                + "\",\"itemId\":\"" + item + "\",\"type\":\"purchase\",\"timestamp\":\"" + Instant.now()
                + "\",\"channel\":\"store\",\"storeId\":\"store-01\",\"recommendationId\":\""
                + recommendationId + "\"}";
        assertEquals(EventResult.Status.ACCEPTED, till.ingest(new EventBatchParser()
                .parse(purchase.getBytes(java.nio.charset.StandardCharsets.UTF_8)).events()).get(0).status());

        given().when().get("/v1/experiments/current").then().statusCode(200)
                .body("experimentId", equalTo(experimentId))
                .body("variants[0].variant", equalTo("champion"))
                .body("variants[0].impressions", equalTo(1))
                .body("variants[0].purchased", equalTo(0))
                .body("variants[1].variant", equalTo("challenger"))
                .body("variants[1].impressions", equalTo(1))
                .body("variants[1].purchased", equalTo(1))
                .body("variants[1].positions[0].position", equalTo(1))
                .body("variants[1].positions[0].purchases", equalTo(1))
                .body("comparisons[2].metric", equalTo("conversion"));

        given().when().post("/v1/experiments/current/promote").then().statusCode(200)
                .body("champion", equalTo(challenger.version()));
        given().when().get("/v1/users/" + other + "/recommendations?k=2").then().statusCode(200)
                .body("variant", equalTo("champion")).body("modelVersion", equalTo(challenger.version()));
        given().when().post("/v1/experiments/current/promote").then().statusCode(404);
        given().when().post("/v1/experiments/current/rollback").then().statusCode(200)
                .body("champion", equalTo(reference.version()));
        given().when().get("/v1/users/" + shopper + "/recommendations?k=2").then().statusCode(200)
                .body("variant", equalTo("champion")).body("modelVersion", equalTo(reference.version()));
    }

    @Test
    @Order(6)
    void models_shouldListVersionsWithTheirMetrics_andMoveTheChampionOnRequest() {
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        String challenger = "challenger-" + reference.version();
        models().promote(reference.version());
        given().when().get("/v1/models?limit=50").then().statusCode(200)
                .body("champion", equalTo(reference.version()))
                .body("versions.version", hasItem(reference.version()))
                .body("versions.version", hasItem(challenger))
                .body("versions.find { it.version == '" + reference.version() + "' }.champion", equalTo(true))
                .body("versions.find { it.version == '" + reference.version() + "' }.metrics", not(equalTo(null)));
        given().when().get("/v1/models?limit=0").then().statusCode(400).body("error", equalTo("invalid_limit"));
        given().when().get("/v1/models?limit=x").then().statusCode(400).body("error", equalTo("invalid_limit"));
        given().when().get("/v1/models?limit=1&limit=2").then().statusCode(400);
        for (String hostile : List.of("{", "[]", "{\"version\":\"../champion\"}", "{\"version\":7}",
                "{\"version\":\"v\",\"extra\":1}", "{\"version\":\"" + "v".repeat(200) + "\"}")) {
            given().contentType(ContentType.JSON).body(hostile).when().put("/v1/models/champion")
                    .then().statusCode(400).body("error", not(equalTo(null)));
        }
        given().contentType(ContentType.JSON).body("{\"version\":\"nope\"}").when().put("/v1/models/champion")
                .then().statusCode(404).body("error", equalTo("unknown_version"));
        given().contentType(ContentType.JSON).body("{\"version\":\"" + challenger + "\"}")
                .when().put("/v1/models/champion").then().statusCode(200).body("champion", equalTo(challenger));
        assertEquals(challenger, models().champion().orElseThrow());
        given().when().post("/v1/experiments/current/rollback").then().statusCode(200)
                .body("champion", equalTo(reference.version()));
    }
}
