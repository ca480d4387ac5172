package io.omnirec.recommend;

import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.PopularityService;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.omnirec.aws.S3ModelStore;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * The recommend function behind API Gateway: with no model it answers from popularity and says so; then it serves
 * the committed reference model once promoted, and keeps serving it when the next champion is corrupt.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendFunctionTest {

    static String event(String name) {
        return LocalAwsTestResource.sampleEvent(name);
    }

    @BeforeAll
    static void seedFeatures() {
        DynamoFeatureStore features = LocalAwsTestResource.features();
        List<CatalogItem> catalog = List.of(
                new CatalogItem("i00001", "Oat milk", "Grocery/Dairy", "Alpen", 1.9, true),
                new CatalogItem("i00002", "Trail shoe", "Sports/Running", "Runa", 120, false),
                new CatalogItem("i00003", "Desk lamp", "Home/Decor", "Lumo", 35, false));
        features.upsertItems(catalog);
        for (String user : List.of("a", "b", "c")) {
            features.apply(InteractionUpdate.of(new ShopperEvent("x", user, "i00002", EventType.PURCHASE,
                    Instant.parse("2026-11-20T10:00:00Z"), Channel.WEB, null, null, null), Optional.of(catalog.get(1))));
        }
        features.apply(InteractionUpdate.of(new ShopperEvent("y", "u000001", "i00002", EventType.PURCHASE,
                Instant.parse("2026-11-21T10:00:00Z"), Channel.APP, null, null, null), Optional.of(catalog.get(1))));
        new PopularityService(features).refresh();
    }

    @Test
    @Order(1)
    void getRecommendations_shouldAnswerFromPopularityWithoutPurchasedItems_whenNoModelExists() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-get-recommendations.json"))
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"strategy\":\"popularity\""))
                .body("body", containsString("\"modelStatus\":\"no_model\""))
                .body("body", containsString("\"recommendationId\""))
                .body("body", not(containsString("i00002")));
    }

    @Test
    void getRecommendations_shouldRankByPopularity_whenShopperIsNew() {
        given().when().get("/v1/users/newcomer/recommendations?k=2")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].itemId", equalTo("i00002"))
                .body("items[0].reason", equalTo("Popular with shoppers right now"));
    }

    @Test
    void getRecommendations_shouldAnswer400_whenKIsOutOfRangeOrNotANumber() {
        given().contentType(ContentType.JSON).body(event("apigw-v2-get-recommendations-bad-k.json"))
                .when().post("/_lambda_")
                .then().body("statusCode", equalTo(400)).body("body", containsString("invalid_k"));
        given().when().get("/v1/users/u1/recommendations?k=ten").then().statusCode(400).body("error", equalTo("invalid_k"));
        given().when().get("/v1/users/" + "u".repeat(200) + "/recommendations").then().statusCode(400)
                .body("error", equalTo("invalid_userId"));
    }

    static S3ModelStore models() {
        return LocalAwsTestResource.models();
    }

    static ModelArtifact referenceModel() throws IOException {
        Path dir = Path.of(System.getProperty("localaws.root"), "model-artifacts", "reference");
        return new ModelArtifact(ModelCard.fromJson(Files.readAllBytes(dir.resolve("card.json"))),
                Files.readAllBytes(dir.resolve("model.tribuo")));
    }

    @Test
    @Order(2)
    void getRecommendations_shouldServeTheChampion_whenAModelIsPromoted() throws IOException {
        ModelArtifact reference = referenceModel();
        models().putVersion(reference);
        models().promote(reference.version());
        given().when().get("/v1/users/u000001/recommendations?k=2")
                .then().statusCode(200)
                .body("strategy", equalTo("model"))
                .body("modelVersion", equalTo(reference.version()))
                .body("modelStatus", equalTo("champion"))
                .body("items.itemId", not(org.hamcrest.Matchers.hasItem("i00002")));
    }

    @Test
    @Order(3)
    void getRecommendations_shouldKeepTheLastGoodModel_whenTheNewChampionIsCorrupt() throws IOException {
        ModelArtifact reference = referenceModel();
        ModelCard card = reference.card();
        ModelCard corruptCard = new ModelCard("corrupt-" + card.version(), card.createdAt(), card.format(),
                card.algorithm(), card.seed(), card.featureNames(), card.dataFrom(), card.cutoff(), card.dataTo(),
                card.counts(), card.metrics(), card.artifactSha256(), card.artifactBytes());
        byte[] damaged = reference.modelBytes().clone();
        damaged[damaged.length / 2] ^= 0x5A;
        models().putVersion(new ModelArtifact(corruptCard, damaged));
        models().promote(corruptCard.version());
        given().when().get("/v1/users/u000001/recommendations?k=2")
                .then().statusCode(200)
                .body("strategy", equalTo("model"))
                .body("modelVersion", equalTo(reference.version()))
                .body("modelStatus", containsString("last_good"));
    }
}
