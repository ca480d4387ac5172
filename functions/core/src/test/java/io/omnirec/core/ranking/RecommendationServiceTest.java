package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.ExperimentReport;
import io.omnirec.core.experiments.VariantTally;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommendationServiceTest {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final InMemoryEventStore events = new InMemoryEventStore();
    final List<CatalogItem> catalog = List.of(
            new CatalogItem("tv", "TV", "Electronics/TV", "Vizo", 400, false),
            new CatalogItem("milk", "Milk", "Grocery/Dairy", "Alpen", 1, true),
            new CatalogItem("cereal", "Cereal", "Grocery/Breakfast", "Korn", 3, true),
            new CatalogItem("shoe", "Shoe", "Fashion/Shoes", "Runa", 80, false),
            new CatalogItem("sock", "Sock", "Fashion/Socks", "Runa", 5, false));
    Aggregates aggregates;
    int sequence;

    void event(String user, String item, EventType type, String storeId) {
        CatalogItem it = catalog.stream().filter(c -> c.itemId().equals(item)).findFirst().orElseThrow();
        ShopperEvent event = new ShopperEvent("e" + sequence++, user, item, type, NOW.minusSeconds(3600 - sequence),
                storeId == null ? Channel.APP : Channel.STORE, storeId, null, null);
        events.putIfAbsent(event);
        features.apply(InteractionUpdate.of(event, Optional.of(it)));
    }

    @BeforeEach
    void setUp() {
        features.upsertItems(catalog);
        features.upsertCustomers(List.of(new Customer("local", 30, "F", "North", "store-07")));
        for (int i = 0; i < 5; i++) {
            event("crowd" + i, "tv", EventType.PURCHASE, null);
        }
        for (int i = 0; i < 3; i++) {
            event("pair" + i, "shoe", EventType.PURCHASE, null);
            event("pair" + i, "sock", EventType.PURCHASE, null);
            event("store" + i, "cereal", EventType.PURCHASE, "store-07");
        }
        event("fan", "shoe", EventType.PURCHASE, null);
        event("regular", "milk", EventType.PURCHASE, null);
        aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, catalog, Map.of(), NOW);
    }

    RecommendationService service(ActiveModel model) {
        return new RecommendationService(features, () -> aggregates, new CandidateGenerator(CandidateConfig.defaults()),
                () -> model, () -> "rec-1", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String reasonFor(Recommendations result, String itemId) {
        return result.items().stream().filter(i -> i.itemId().equals(itemId)).findFirst().orElseThrow().reason();
    }

    static List<String> ids(Recommendations result) {
        return result.items().stream().map(Recommendations.RecommendedItem::itemId).toList();
    }

    @Test
    void recommend_shouldFallBackToPopularityAndSaySo_whenNoModelIsLoadedAndShopperIsNew() {
        Recommendations result = service(ActiveModel.none("no_model")).recommend("newbie", 2);
        assertEquals("fallback:new_shopper", result.strategy());
        assertEquals("no_model", result.modelStatus());
        assertEquals(aggregates.version(), result.aggregatesVersion());
        assertNull(result.modelVersion());
        assertEquals(List.of("tv", "shoe"), ids(result));
        assertEquals("Popular with shoppers right now", result.items().get(0).reason());
    }

    @Test
    void recommend_shouldProposeWhatIsBoughtTogether_whenShopperBoughtOneOfAPair() {
        Recommendations result = service(ActiveModel.none("no_model")).recommend("fan", 3);
        assertEquals("sock", result.items().get(0).itemId());
        assertTrue(result.items().get(0).reason().contains("taste") || result.items().get(0).reason().contains("together"),
                result.items().get(0).reason());
        assertFalse(ids(result).contains("shoe"), "a durable the shopper bought must not come back");
    }

    @Test
    void recommend_shouldRemindOfAConsumableWhenItIsDue_andNotPushItRightAfterThePurchase() {
        CatalogItem coffee = new CatalogItem("coffee", "Coffee beans", "Grocery/Coffee", "Bean", 9, true, 30);
        features.upsertItems(List.of(coffee));
        List<CatalogItem> withCoffee = new java.util.ArrayList<>(catalog);
        withCoffee.add(coffee);
        aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, withCoffee, Map.of(), NOW);
        features.apply(InteractionUpdate.of(new ShopperEvent("c1", "drinker", "coffee", EventType.PURCHASE,
                NOW.minus(java.time.Duration.ofDays(27)), Channel.WEB, null, null, null), Optional.of(coffee)));
        Recommendations due = service(ActiveModel.none("no_model")).recommend("drinker", 3);
        assertEquals("coffee", due.items().get(0).itemId(), ids(due).toString());
        assertEquals("Time to restock: bought 27 days ago, lasts about 30 days", due.items().get(0).reason());

        features.apply(InteractionUpdate.of(new ShopperEvent("c2", "drinker", "coffee", EventType.PURCHASE,
                NOW.minus(java.time.Duration.ofDays(2)), Channel.WEB, null, null, null), Optional.of(coffee)));
        assertFalse(ids(service(ActiveModel.none("no_model")).recommend("drinker", 5)).contains("coffee"),
                "not two days after buying it again");
    }

    @Test
    void recommend_shouldLeaveOutTheNearDuplicatesOfABoughtDurable_butNotOtherBrandsOrClasses() {
        List<CatalogItem> more = List.of(new CatalogItem("tv-55", "TV 55in", "Electronics/TV", "Vizo", 460, false),
                new CatalogItem("tv-oled", "OLED TV", "Electronics/TV", "Vizo", 1400, false),
                new CatalogItem("tv-other", "Other TV", "Electronics/TV", "Sonar", 410, false));
        features.upsertItems(more);
        List<CatalogItem> all = new java.util.ArrayList<>(catalog);
        all.addAll(more);
        for (CatalogItem item : more) {
            ShopperEvent sale = new ShopperEvent("s-" + item.itemId(), "crowd-" + item.itemId(), item.itemId(),
                    EventType.PURCHASE, NOW.minusSeconds(7200), Channel.WEB, null, null, null);
            events.putIfAbsent(sale);
        }
        aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, all, Map.of(), NOW);
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertTrue(ids(service.recommend("buyer", 8)).contains("tv-55"));
        event("buyer", "tv", EventType.PURCHASE, null);
        List<String> after = ids(service.recommend("buyer", 8));
        assertFalse(after.contains("tv"), after.toString());
        assertFalse(after.contains("tv-55"), "same category and brand, price within 25%: " + after);
        assertTrue(after.contains("tv-other") && after.contains("tv-oled"), "another brand or class stays: " + after);
    }

    @Test
    void recommend_shouldNeverShowAnItemWithdrawnFromSale_norOfferItAsSimilar() {
        assertEquals("tv", ids(service(ActiveModel.none("no_model")).recommend("newbie", 1)).get(0));
        List<CatalogItem> withdrawn = new java.util.ArrayList<>(catalog);
        withdrawn.set(0, new CatalogItem("tv", "TV", "Electronics/TV", "Vizo", 400, false, 0, true));
        aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, withdrawn, Map.of(), NOW);
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertFalse(ids(service.recommend("newbie", 5)).contains("tv"));
        assertFalse(new SimilarItemsService(() -> aggregates, () -> "rec-1").similar("shoe", 10).items().stream()
                .anyMatch(i -> i.itemId().equals("tv")));
    }

    @Test
    void recommend_shouldOfferAConsumableWithoutKnownLifetimeAgain_onlyAWeekAfterThePurchase() {
        assertFalse(ids(service(ActiveModel.none("no_model")).recommend("regular", 5)).contains("milk"));
        CatalogItem milk = catalog.get(1);
        features.apply(InteractionUpdate.of(new ShopperEvent("m1", "earlier", "milk", EventType.PURCHASE,
                NOW.minus(java.time.Duration.ofDays(8)), Channel.WEB, null, null, null), Optional.of(milk)));
        assertTrue(ids(service(ActiveModel.none("no_model")).recommend("earlier", 5)).contains("milk"));
    }

    @Test
    void recommend_shouldPreferTheStoresBestSellers_whenTheRequestComesFromThatStore() {
        Recommendations result = service(ActiveModel.none("no_model")).recommend("walk-in", "store-07", 1);
        assertEquals(List.of("cereal"), ids(result));
        assertEquals("Popular at your store", result.items().get(0).reason());
        assertEquals(List.of("cereal"), ids(service(ActiveModel.none("no_model")).recommend("local", 1)));
    }

    @Test
    void recommend_shouldNameTheStore_whenTheStoreHasAName() {
        features.nameStores(List.of(new io.omnirec.core.domain.Store("store-07", "Riverside")));
        Recommendations result = service(ActiveModel.none("no_model")).recommend("walk-in-2", "store-07", 1);
        assertEquals("Popular at your store, Riverside", result.items().get(0).reason());
        assertThrows(io.omnirec.core.domain.InvalidInputException.class,
                () -> new io.omnirec.core.domain.Store("store-07", "bad\u0000name"));
        assertThrows(io.omnirec.core.domain.InvalidInputException.class,
                () -> new io.omnirec.core.domain.Store("store-07", "x".repeat(101)));
    }

    @Test
    void recommend_shouldServeTheModelsOrder_whenAModelIsLoaded() {
        Scorer cheapestFirst = (request, pool, agg) -> pool.candidates().stream()
                .mapToDouble(c -> -c.facts().item().price()).toArray();
        Recommendations result = service(ActiveModel.champion(cheapestFirst, "v1")).recommend("fan", 10);
        assertEquals("model", result.strategy());
        assertEquals("v1", result.modelVersion());
        assertEquals("milk", result.items().get(0).itemId());
        assertFalse(ids(result).contains("shoe"));
    }

    @Test
    void recommend_shouldRejectBadInput_whenKOrIdsAreInvalid() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertEquals("invalid_k", assertThrows(InvalidInputException.class, () -> service.recommend("u1", 0)).code());
        assertEquals("invalid_k", assertThrows(InvalidInputException.class, () -> service.recommend("u1", 101)).code());
        assertEquals("invalid_userId", assertThrows(InvalidInputException.class,
                () -> service.recommend("\u0000etc", 5)).code());
        assertEquals("invalid_storeId", assertThrows(InvalidInputException.class,
                () -> service.recommend("u1", "~store", 5)).code());
    }

    static RecommendationQuery json(String body) {
        return RecommendationQuery.fromJson(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void recommend_shouldProposeTheComplementOfTheCart_andNotTheCartedItem_whenTheShopperIsNew() {
        Recommendations result = service(ActiveModel.none("no_model"))
                .recommend("newbie", json("{\"k\": 3, \"cart\": [\"shoe\"]}"));
        assertEquals("sock", result.items().get(0).itemId(), ids(result).toString());
        assertEquals("Often bought with the Shoe in your cart", result.items().get(0).reason());
        assertFalse(ids(result).contains("shoe"));
        Recommendations withCart = service(ActiveModel.none("no_model"))
                .recommend("newbie", json("{\"k\": 5, \"cart\": [\"shoe\"], \"includeCart\": true}"));
        assertTrue(ids(withCart).contains("shoe"));
    }

    @Test
    void recommend_shouldNameTheItemOnScreen_whenItIsTheSeed() {
        Recommendations result = service(ActiveModel.none("no_model"))
                .recommend("newbie", json("{\"k\": 2, \"currentItemId\": \"sock\", \"channel\": \"app\"}"));
        assertEquals("shoe", result.items().get(0).itemId());
        assertEquals("Often bought with the Sock", result.items().get(0).reason());
        assertFalse(ids(result).contains("sock"));
    }

    @Test
    void recommend_shouldHonourExclusionsAndTheCategory_whenTheCallerAsks() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertFalse(ids(service.recommend("newbie", RecommendationQuery.fromParameters("5", null, null, null,
                "tv, shoe"))).stream().anyMatch(id -> id.equals("tv") || id.equals("shoe")));
        List<String> grocery = ids(service.recommend("newbie", RecommendationQuery.fromParameters("5", null, "web",
                "Grocery", null)));
        assertFalse(grocery.isEmpty());
        assertTrue(grocery.stream().allMatch(id -> id.equals("milk") || id.equals("cereal")), grocery.toString());
        assertEquals(List.of("milk"), ids(service.recommend("newbie", RecommendationQuery.fromParameters("5", null,
                null, "Grocery/Dairy", null))));
    }

    @Test
    void query_shouldRejectMalformedOversizedAndHostileInput_withAStableCode() {
        java.util.function.Function<String, String> code = body -> assertThrows(InvalidInputException.class,
                () -> json(body)).code();
        assertEquals("invalid_json", code.apply("{\"k\": "));
        assertEquals("invalid_body", code.apply("[1, 2]"));
        assertEquals("unknown_field", code.apply("{\"kk\": 1}"));
        assertEquals("invalid_k", code.apply("{\"k\": 2.5}"));
        assertEquals("invalid_k", code.apply("{\"k\": 1000}"));
        assertEquals("invalid_cart", code.apply("{\"cart\": \"shoe\"}"));
        assertEquals("invalid_cart", code.apply("{\"cart\": [\"~script\"]}"));
        assertEquals("invalid_channel", code.apply("{\"channel\": \"fax\"}"));
        assertEquals("missing_storeId", code.apply("{\"channel\": \"store\"}"));
        assertEquals("invalid_tags", code.apply("{\"tags\": [\"Rain!\"]}"));
        assertEquals("invalid_category", code.apply("{\"category\": \"a\\u0000b\"}"));
        assertEquals("invalid_exclude", assertThrows(InvalidInputException.class, () -> RecommendationQuery
                .fromParameters("5", null, null, null, "a,,b")).code());
        String many = "[" + String.join(",", java.util.Collections.nCopies(101, "\"x\"")) + "]";
        assertEquals("invalid_exclude", code.apply("{\"exclude\": " + many + "}"));
        assertEquals("payload_too_large", code.apply("{\"category\": \"" + "a".repeat(20_000) + "\"}"));
        assertEquals(10, json("").k());
    }

    @Test
    void similar_shouldLeaveOutWhatIsOutOfStockWhereThePageIsSeen() {
        features.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-07", "sock", false)));
        SimilarItemsService similar = new SimilarItemsService(() -> aggregates, () -> "rec-3",
                place -> StockCache.none(Clock.fixed(NOW, ZoneOffset.UTC)).get(place, features::loadStock));
        assertEquals("sock", similar.similar("shoe", 4).items().get(0).itemId(), "in stock online");
        assertTrue(similar.similar("shoe", 4, "store-07").items().stream().noneMatch(i -> i.itemId().equals("sock")));
        assertEquals("invalid_storeId", assertThrows(InvalidInputException.class,
                () -> similar.similar("shoe", 4, "bad\u0000id")).code());
    }

    @Test
    void similar_shouldNameTheRelationOfEachItem_andRefuseUnknownItems() {
        SimilarItemsService similar = new SimilarItemsService(() -> aggregates, () -> "rec-2");
        SimilarItems result = similar.similar("shoe", 4);
        assertEquals("Shoe", result.title());
        assertEquals("sock", result.items().get(0).itemId());
        assertEquals(SimilarItemsService.BOUGHT_TOGETHER, result.items().get(0).relation());
        assertEquals("Often bought together with Shoe", result.items().get(0).reason());
        assertTrue(result.items().stream().noneMatch(i -> i.itemId().equals("shoe")));
        assertEquals(result.items().size(), result.items().stream().map(SimilarItems.RelatedItem::itemId).distinct()
                .count());
        assertEquals("unknown_item", assertThrows(InvalidInputException.class,
                () -> similar.similar("nothing", 4)).code());
        assertEquals("invalid_k", assertThrows(InvalidInputException.class, () -> similar.similar("shoe", 0)).code());
    }

    @Test
    void recommend_shouldProposeTheComplementOfTheStoredCart_rightAfterAnAddToCart() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertEquals("tv", service.recommend("browser", 3).items().get(0).itemId());
        event("browser", "shoe", EventType.ADD_TO_CART, null);
        Recommendations after = service.recommend("browser", 3);
        assertEquals("sock", after.items().get(0).itemId(), ids(after).toString());
        assertEquals("Often bought with the Shoe in your cart", after.items().get(0).reason());
        assertFalse(ids(after).contains("shoe"), "the carted item is not recommended");
        event("browser", "shoe", EventType.REMOVE_FROM_CART, null);
        assertTrue(ids(service.recommend("browser", 5)).contains("shoe"), "out of the cart, it may come back");
    }

    void view(String owner, String item, String sessionId, long secondsAgo) {
        CatalogItem it = catalog.stream().filter(c -> c.itemId().equals(item)).findFirst().orElseThrow();
        ShopperEvent event = new ShopperEvent("v" + sequence++, owner, item, EventType.VIEW,
                NOW.minusSeconds(secondsAgo), Channel.WEB, null, sessionId, null);
        events.putIfAbsent(event);
        features.apply(InteractionUpdate.of(event, Optional.of(it)));
    }

    @Test
    void recommendForSession_shouldServeFromTheSessionsOwnEvents_andNameTheColdStart() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        Recommendations first = service.recommendForSession("s-1", RecommendationQuery.of(3));
        assertEquals("fallback:anonymous", first.strategy());
        assertEquals("s-1", first.sessionId());
        assertNull(first.userId());
        assertEquals("tv", first.items().get(0).itemId());

        view(ShopperKeys.session("s-1"), "shoe", "s-1", 60);
        Recommendations browsing = service.recommendForSession("s-1", RecommendationQuery.of(3));
        assertEquals("fallback:session", browsing.strategy());
        assertEquals("sock", browsing.items().get(0).itemId(), ids(browsing).toString());
        assertEquals("Often bought with the Shoe you just viewed", browsing.items().get(0).reason());
        assertEquals("tv", service.recommendForSession("s-2", RecommendationQuery.of(3)).items().get(0).itemId(),
                "another session is not affected");
        assertEquals("tv", service.recommend("s-1", 3).items().get(0).itemId(), "nor a shopper with the same id");

        assertEquals(FeatureStore.SessionMerge.MERGED, features.mergeSession("s-1", "newcomer"));
        Recommendations identified = service.recommend("newcomer", 3);
        assertEquals("fallback", identified.strategy());
        assertEquals("sock", identified.items().get(0).itemId(), "the shopper inherits the session");
        assertThrows(InvalidInputException.class,
                () -> service.recommendForSession("~bad", RecommendationQuery.of(3)));
    }

    @Test
    void recommend_shouldNameTheColdStart_whenTheShopperHasAProfileButNoHistory() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertEquals("fallback:profile_only", service.recommend("local", 3).strategy());
        assertEquals("fallback:new_shopper", service.recommend("stranger", 3).strategy());
        assertEquals("fallback", service.recommend("fan", 3).strategy());
    }

    @Test
    void recommend_shouldFollowWhatTheShopperViewsNow_andForgetItAfterHalfAnHour() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        view("crowd0", "shoe", null, 40 * 60);
        assertEquals("Often bought together with items you bought", reasonFor(service.recommend("crowd0", 3), "sock"),
                "a view 40 minutes ago is history, no longer what the shopper is looking at");
        view("crowd0", "shoe", null, 120);
        assertEquals("Often bought with the Shoe you just viewed", reasonFor(service.recommend("crowd0", 3), "sock"));
    }

    @Test
    void recommend_shouldServeEachVariantsModel_andCreditAPurchaseAtTheTillToItsAnswer() {
        Scorer cheapestFirst = (request, pool, agg) -> pool.candidates().stream()
                .mapToDouble(c -> -c.facts().item().price()).toArray();
        Scorer dearestFirst = (request, pool, agg) -> pool.candidates().stream()
                .mapToDouble(c -> c.facts().item().price()).toArray();
        Experiment experiment = new Experiment("exp-1", "v1", "v2", 0.5, NOW);
        ActiveModel champion = ActiveModel.champion(cheapestFirst, "v1");
        ActiveModel challenger = new ActiveModel(Optional.of(dearestFirst), "v2", Experiment.CHALLENGER);
        ModelRouter router = key -> {
            String variant = experiment.variantOf(key);
            return new ModelRouter.Routed(variant.equals(Experiment.CHALLENGER) ? challenger : champion, variant,
                    experiment.id());
        };
        InMemoryImpressionStore impressions = new InMemoryImpressionStore();
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
        RecommendationService service = new RecommendationService(features, () -> aggregates,
                new CandidateGenerator(CandidateConfig.defaults()), router, impressions,
                () -> "rec-" + ids.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC), ListShape.DEFAULT,
                StockCache.none(Clock.fixed(NOW, ZoneOffset.UTC)));
        String inChallenger = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "shopper" + i)
                .filter(u -> experiment.variantOf(u).equals(Experiment.CHALLENGER)).findFirst().orElseThrow();
        String inChampion = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "shopper" + i)
                .filter(u -> experiment.variantOf(u).equals(Experiment.CHAMPION)).findFirst().orElseThrow();

        Recommendations a = service.recommend(inChallenger, 3);
        Recommendations b = service.recommend(inChampion, 3);
        assertEquals(Experiment.CHALLENGER, a.variant());
        assertEquals("v2", a.modelVersion());
        assertEquals("tv", a.items().get(0).itemId(), "the challenger puts the dearest first");
        assertEquals(Experiment.CHAMPION, b.variant());
        assertEquals("milk", b.items().get(0).itemId());

        IngestService ingest = new IngestService(events, features, impressions,
                io.omnirec.core.ingest.EventValidator.live(Clock.fixed(NOW, ZoneOffset.UTC)));
        String till = "{\"eventId\":\"pos-1\",\"userId\":\"" + inChallenger + "\",\"itemId\":\"tv\","
                + "\"type\":\"purchase\",\"timestamp\":\"2026-11-29T11:59:00Z\",\"channel\":\"store\","
                + "\"storeId\":\"store-07\",\"recommendationId\":\"" + a.recommendationId() + "\"}";
        assertEquals(io.omnirec.core.ingest.EventResult.Status.ACCEPTED, ingest.ingest(
                new io.omnirec.core.ingest.EventBatchParser().parse(till.getBytes()).events()).get(0).status());
        ExperimentReport report = ExperimentReport.of(experiment, impressions.tally("exp-1"));
        assertEquals(1, report.variants().get(1).impressions());
        assertEquals(1, report.variants().get(1).purchased());
        assertEquals(List.of(new VariantTally.PositionTally(1, 0, 0, 1)), report.variants().get(1).positions());
        assertEquals(0, report.variants().get(0).purchased());
    }

    @Test
    void recommend_shouldUseNeitherHistoryNorProfile_whenTheShopperWithdrewConsent() {
        event("private", "milk", EventType.PURCHASE, null);
        event("private", "shoe", EventType.VIEW, null);
        features.upsertCustomers(List.of(new Customer("private", 30, "F", "North", "", "", false)));
        Recommendations withdrawn = service(ActiveModel.none("no_model")).recommend("private", 3);
        Recommendations stranger = service(ActiveModel.none("no_model")).recommend("never-seen", 3);
        assertEquals("fallback:" + RecommendationService.NO_CONSENT, withdrawn.strategy());
        assertEquals(ids(stranger), ids(withdrawn), "what any new shopper gets");
    }

    @Test
    void recommend_shouldAnswerAsForANewShopperAndSaySo_whenTheShoppersStateCannotBeRead() {
        FeatureStore down = new io.omnirec.core.store.ForwardingFeatureStore(features) {
            @Override
            public Map<String, CatalogItem> items(java.util.Collection<String> itemIds) {
                throw new IllegalStateException("DynamoDB is down");
            }

            @Override
            public io.omnirec.core.store.ShopperContext loadShopperContext(String userId, String storeId) {
                throw new IllegalStateException("DynamoDB is down");
            }
        };
        RecommendationService service = new RecommendationService(down, () -> aggregates,
                new CandidateGenerator(CandidateConfig.defaults()), () -> ActiveModel.none("no_model"), () -> "rec-1",
                Clock.fixed(NOW, ZoneOffset.UTC));
        Recommendations result = service.recommend("fan", 2);
        assertEquals("fallback:" + RecommendationService.STATE_UNAVAILABLE, result.strategy());
        assertEquals(List.of("tv", "shoe"), ids(result), "the cached popularity answers");
    }

    @Test
    void rank_shouldOrderTheCallersItemsForTheShopper_andSayWhichItLeftOut() {
        event("fan", "milk", EventType.VIEW, null);
        Reranked result = service(ActiveModel.none("no_model")).rank(RankQuery.fromJson(
                ("{\"userId\": \"fan\", \"itemIds\": [\"tv\", \"sock\", \"shoe\", \"ghost\", \"cereal\"]}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<String> ranked = result.items().stream().map(Recommendations.RecommendedItem::itemId).toList();
        assertEquals("sock", ranked.get(0), ranked.toString());
        assertEquals(java.util.Set.of("tv", "sock", "cereal"), java.util.Set.copyOf(ranked));
        assertEquals(List.of(new Reranked.Removed("shoe", "not_eligible"), new Reranked.Removed("ghost", "unknown_item")),
                result.removed());
    }

    @Test
    void rankQuery_shouldRejectMissingOrHostileInput() {
        java.util.function.Function<String, String> code = body -> assertThrows(InvalidInputException.class,
                () -> RankQuery.fromJson(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).code();
        assertEquals("invalid_userId", code.apply("{\"itemIds\": [\"a\"]}"));
        assertEquals("invalid_itemIds", code.apply("{\"userId\": \"u1\", \"itemIds\": []}"));
        assertEquals("invalid_itemIds", code.apply("{\"userId\": \"u1\", \"itemIds\": [\"~a\"]}"));
        assertEquals("invalid_itemIds", code.apply("{\"userId\": \"u1\", \"itemIds\": 5}"));
        assertEquals("unknown_field", code.apply("{\"userId\": \"u1\", \"itemIds\": [\"a\"], \"x\": 1}"));
        assertEquals("empty_body", code.apply(""));
        assertEquals("invalid_json", code.apply("{"));
    }

    @Test
    void recommend_shouldLeaveOutWhatIsOutOfStockWhereTheShopperIsServed() {
        features.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-07", "cereal", false),
                new io.omnirec.core.domain.StockLevel("online", "tv", false)));
        RecommendationService service = service(ActiveModel.none("no_model"));
        List<String> inStore = ids(service.recommend("walk-in", RecommendationQuery.fromParameters("5", "store-07",
                "store", null, null)));
        assertFalse(inStore.contains("cereal"), inStore.toString());
        assertTrue(inStore.contains("tv"), "the web shop's stock does not apply in the store");
        List<String> online = ids(service.recommend("walk-in", RecommendationQuery.fromParameters("5", "store-07",
                "web", null, null)));
        assertFalse(online.contains("tv"), online.toString());
        assertTrue(online.contains("cereal"), "the store's stock does not apply online");
    }

    @Test
    void recommend_shouldReadAStoresStockOncePerRefreshInterval_andServeTheLastReadWhenReadingFails() {
        features.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-07", "cereal", false)));
        List<String> asked = new java.util.ArrayList<>();
        boolean[] down = {false};
        FeatureStore counting = new io.omnirec.core.store.ForwardingFeatureStore(features) {
            @Override
            public io.omnirec.core.store.ShopperContext loadShopperContext(String userId, String storeId) {
                if (down[0]) {
                    throw new IllegalStateException("DynamoDB is down");
                }
                asked.add(String.valueOf(storeId));
                return super.loadShopperContext(userId, storeId);
            }
        };
        io.omnirec.core.MovableClock clock = new io.omnirec.core.MovableClock(NOW);
        RecommendationService service = new RecommendationService(counting, () -> aggregates,
                new CandidateGenerator(CandidateConfig.defaults()), ModelRouter.championOnly(
                () -> ActiveModel.none("no_model")), new InMemoryImpressionStore(), () -> "rec-1", clock,
                ListShape.DEFAULT, new StockCache(java.time.Duration.ofSeconds(10), clock));
        RecommendationQuery inStore = RecommendationQuery.fromParameters("5", "store-07", "store", null, null);

        assertFalse(ids(service.recommend("walk-in", inStore)).contains("cereal"));
        features.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-07", "cereal", true)));
        clock.advance(java.time.Duration.ofSeconds(9));
        assertFalse(ids(service.recommend("walk-in", inStore)).contains("cereal"), "the stock read 9 s ago serves");
        assertEquals(List.of("store-07", "null"), asked, "the second call read only the shopper");

        features.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-07", "cereal", false)));
        clock.advance(java.time.Duration.ofSeconds(1));
        down[0] = true;
        Recommendations failed = service.recommend("walk-in", inStore);
        assertEquals("fallback:" + RecommendationService.STATE_UNAVAILABLE, failed.strategy());
        assertFalse(ids(failed).contains("cereal"), "the last stock read still applies");

        down[0] = false;
        assertFalse(ids(service.recommend("walk-in", inStore)).contains("cereal"));
        assertEquals(List.of("store-07", "null", "store-07"), asked, "read again once the interval is over");
        features.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-07", "cereal", true)));
        clock.advance(java.time.Duration.ofSeconds(10));
        assertTrue(ids(service.recommend("walk-in", inStore)).contains("cereal"), "back in stock after a refresh");
    }
}
