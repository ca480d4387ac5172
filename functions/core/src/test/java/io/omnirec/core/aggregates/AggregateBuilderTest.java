package io.omnirec.core.aggregates;

import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collaborative sources find the structure planted in the synthetic data. */
class AggregateBuilderTest {
    static final Instant NOW = Instant.parse("2026-08-01T00:00:00Z");
    static SyntheticDataset data;
    static InMemoryEventStore events;
    static Map<String, Customer> customers;
    static Aggregates aggregates;

    @BeforeAll
    static void build() {
        data = new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(11, 1500, 300, 60,
                Instant.parse("2026-06-01T00:00:00Z"), 10)).generate();
        events = new InMemoryEventStore();
        data.events().forEach(events::putIfAbsent);
        customers = new HashMap<>();
        data.customers().forEach(c -> customers.put(c.userId(), c));
        aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, data.items(), customers, NOW);
    }

    /** Share of items whose planted companion (chance: about 10 in 300) is among their first {@code k} neighbours in an index. */
    static double companionsFound(String index, int k) {
        int found = 0;
        for (Map.Entry<String, String> pair : data.companions().entrySet()) {
            String[] ids = aggregates.neighbours(index, pair.getKey()).ids();
            if (Arrays.asList(ids).subList(0, Math.min(k, ids.length)).contains(pair.getValue())) {
                found++;
            }
        }
        return (double) found / data.companions().size();
    }

    @Test
    void build_shouldPutPlantedCompanionsInTheTopTenNeighbours_whenTheyAreBoughtTogether() {
        double cooccurrence = companionsFound(Aggregates.COOCCURRENCE, 10);
        double ease = companionsFound(Aggregates.EASE, 10);
        System.out.printf("planted companions in the top 10 neighbours: co-occurrence %.3f, EASE %.3f%n",
                cooccurrence, ease);
        assertTrue(cooccurrence > 0.4, "co-occurrence found " + cooccurrence);
        assertTrue(ease > 0.4, "EASE found " + ease);
    }

    @Test
    void recommend_shouldOfferTheCompanion_whenAShopperJustBoughtAnItem() {
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(data.items());
        Map<String, CatalogItem> catalog = new HashMap<>();
        data.items().forEach(i -> catalog.put(i.itemId(), i));
        RecommendationService service = new RecommendationService(features, () -> aggregates,
                new CandidateGenerator(CandidateConfig.defaults()), () -> ActiveModel.none("no_model"),
                () -> "r", Clock.fixed(NOW, ZoneOffset.UTC));
        int found = 0;
        int tried = 0;
        for (Map.Entry<String, String> pair : data.companions().entrySet()) {
            if (tried == 100) {
                break;
            }
            String shopper = "probe-" + tried++;
            features.apply(InteractionUpdate.of(new io.omnirec.core.domain.ShopperEvent("p" + shopper, shopper,
                    pair.getKey(), io.omnirec.core.domain.EventType.PURCHASE, NOW, io.omnirec.core.domain.Channel.WEB,
                    null, null, null), Optional.of(catalog.get(pair.getKey()))));
            Recommendations result = service.recommend(shopper, 10);
            if (result.items().stream().anyMatch(i -> i.itemId().equals(pair.getValue()))) {
                found++;
            }
        }
        assertTrue(found >= 40, "companion in the top 10 for " + found + " of 100 shoppers");
    }

    @Test
    void build_shouldGiveEqualAggregates_whenRunTwiceOnTheSameData() {
        Aggregates again = new AggregateBuilder(AggregateConfig.defaults()).build(events, data.items(), customers, NOW);
        assertEquals(aggregates, again);
        assertEquals(aggregates, AggregatesCodec.decode(AggregatesCodec.encode(aggregates)));
    }

    @Test
    void build_shouldRankSegmentAndStoreLists_whenProfilesAndStoresAreKnown() {
        Customer someone = data.customers().get(0);
        assertTrue(aggregates.list(Aggregates.segmentKey(someone)).size() > 0);
        assertTrue(aggregates.list(Aggregates.storeKey(someone.homeStoreId())).size() > 0);
        RankedList popular = aggregates.list(Aggregates.POPULAR);
        for (int i = 1; i < popular.size(); i++) {
            assertTrue(popular.scores()[i - 1] >= popular.scores()[i]);
        }
    }

    @Test
    void build_shouldListANewItemAndGiveItContentNeighbours_whenItHasNoHistoryYet() {
        CatalogItem template = data.items().get(0);
        CatalogItem fresh = new CatalogItem("brand-new", template.title(), template.category(), template.brand(),
                template.price(), template.consumable());
        List<CatalogItem> catalog = new java.util.ArrayList<>(data.items());
        catalog.add(fresh);
        Aggregates withNew = new AggregateBuilder(AggregateConfig.defaults()).build(events, catalog, customers, NOW);
        assertTrue(Arrays.asList(withNew.list(Aggregates.NEW).ids()).contains("brand-new"));
        assertEquals(template.itemId(), withNew.neighbours(Aggregates.CONTENT, "brand-new").ids()[0]);
        assertTrue(Arrays.asList(withNew.neighbours(Aggregates.CONTENT, template.itemId()).ids()).contains("brand-new"));
    }

    @Test
    void build_shouldUseLaunchDatesAndAttributes_whenTheCatalogGivesThem() {
        CatalogItem template = data.items().get(0);
        java.util.function.BiFunction<String, io.omnirec.core.domain.ItemDetails, CatalogItem> item = (id, details) ->
                new CatalogItem(id, "Plain thing", "Other/Misc", "Nobrand", 10, false, 0, false, details);
        List<CatalogItem> catalog = new java.util.ArrayList<>(data.items());
        java.time.LocalDate today = NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        catalog.add(item.apply("coming-soon", new io.omnirec.core.domain.ItemDetails("", Map.of(), today.plusDays(10))));
        catalog.add(item.apply("launched", new io.omnirec.core.domain.ItemDetails("", Map.of(), today.minusDays(3))));
        catalog.add(item.apply("red-a", new io.omnirec.core.domain.ItemDetails("Soft cotton shirt",
                Map.of("colour", "red", "size", "L"), null)));
        catalog.add(item.apply("red-b", new io.omnirec.core.domain.ItemDetails("Soft cotton shirt",
                Map.of("colour", "red", "size", "L"), null)));
        catalog.add(item.apply("blue-c", new io.omnirec.core.domain.ItemDetails("", Map.of("colour", "blue"), null)));

        Aggregates built = new AggregateBuilder(AggregateConfig.defaults()).build(events, catalog, customers, NOW);

        List<String> fresh = Arrays.asList(built.list(Aggregates.NEW).ids());
        assertTrue(fresh.contains("launched"));
        assertTrue(!fresh.contains("coming-soon"), "not new before its launch");
        assertEquals(NOW.minus(java.time.Duration.ofDays(3)).getEpochSecond(),
                built.item("launched").orElseThrow().firstSeen(), "its age counts from the launch");
        assertEquals("red-b", built.neighbours(Aggregates.CONTENT, "red-a").ids()[0],
                "the same attributes and description make the nearest neighbour");
    }

    @Test
    void build_shouldKeepNegativeEaseWeightsByMagnitude_inDescendingOrder() {
        int withNegatives = 0;
        for (CatalogItem item : data.items()) {
            RankedList weights = aggregates.neighbours(Aggregates.EASE, item.itemId());
            assertTrue(weights.size() <= AggregateConfig.defaults().easeNeighbours());
            for (int i = 1; i < weights.size(); i++) {
                assertTrue(weights.scores()[i - 1] >= weights.scores()[i], item.itemId());
            }
            if (weights.size() > 0 && weights.scores()[weights.size() - 1] < 0) {
                withNegatives++;
            }
        }
        assertTrue(withNegatives > data.items().size() / 2, withNegatives + " items keep negative weights");
    }

    @Test
    void generate_shouldGiveEverySourcesScore_toCandidatesOtherSourcesProposed() {
        CandidateGenerator generator = new CandidateGenerator(CandidateConfig.defaults());
        Customer shopper = data.customers().get(0);
        io.omnirec.core.features.UserState state = io.omnirec.core.features.UserState.empty(shopper.userId());
        Map<String, CatalogItem> catalog = new HashMap<>();
        data.items().forEach(i -> catalog.put(i.itemId(), i));
        String bought = data.companions().keySet().iterator().next();
        state = state.plus(InteractionUpdate.of(new io.omnirec.core.domain.ShopperEvent("x", shopper.userId(), bought,
                io.omnirec.core.domain.EventType.PURCHASE, NOW, io.omnirec.core.domain.Channel.WEB, null, null, null),
                Optional.of(catalog.get(bought))));
        var pool = generator.generate(new io.omnirec.core.candidates.ShopperRequest(state, Optional.of(shopper), null,
                NOW), aggregates);
        int ease = pool.sourceNames().indexOf("ease");
        int popular = pool.sourceNames().indexOf("popular");
        RankedList weights = aggregates.neighbours(Aggregates.EASE, bought);
        Map<String, Float> weightOf = new HashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            weightOf.put(weights.ids()[i], weights.scores()[i]);
        }
        int crossScored = 0;
        for (var candidate : pool.candidates()) {
            if (candidate.ranks()[ease] < 0 && candidate.ranks()[popular] >= 0
                    && weightOf.containsKey(candidate.itemId())) {
                assertEquals(weightOf.get(candidate.itemId()), candidate.scores()[ease], 1e-6);
                crossScored++;
            }
        }
        assertTrue(crossScored > 0, "no popular candidate carried its EASE score");
    }

    @Test
    void newForYou_shouldPutTheLaunchOfTheShoppersCategoryFirst_whenTwoItemsLaunchTogether() {
        CatalogItem liked = data.items().get(0);
        CatalogItem other = data.items().stream().filter(i -> !i.topCategory().equals(liked.topCategory()))
                .findFirst().orElseThrow();
        List<CatalogItem> catalog = new java.util.ArrayList<>(data.items());
        catalog.add(new CatalogItem("launch-liked", "New " + liked.title(), liked.category(), liked.brand(),
                liked.price(), false));
        catalog.add(new CatalogItem("launch-other", "New " + other.title(), other.category(), other.brand(),
                other.price(), false));
        Aggregates withNew = new AggregateBuilder(AggregateConfig.defaults()).build(events, catalog, customers, NOW);
        io.omnirec.core.features.UserState state = io.omnirec.core.features.UserState.empty("fan");
        for (int i = 0; i < 3; i++) {
            state = state.plus(InteractionUpdate.of(new io.omnirec.core.domain.ShopperEvent("v" + i, "fan",
                    liked.itemId(), io.omnirec.core.domain.EventType.PURCHASE, NOW, io.omnirec.core.domain.Channel.WEB,
                    null, null, null), Optional.of(liked)));
        }
        var proposal = CandidateGenerator.source("new_for_you").propose(
                new io.omnirec.core.candidates.ShopperRequest(state, Optional.empty(), null, NOW), withNew, 50);
        List<String> ids = proposal.best().stream().map(io.omnirec.core.candidates.ScoredItem::itemId).toList();
        assertTrue(ids.indexOf("launch-liked") >= 0 && ids.indexOf("launch-liked") < ids.indexOf("launch-other")
                || ids.contains("launch-liked") && !ids.contains("launch-other"), ids.toString());
        assertTrue(proposal.scoreOf("launch-liked") > proposal.scoreOf("launch-other"));
    }
}
