package io.omnirec.core.aggregates;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.UserState;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.store.memory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The brand lift of each store and the trend of each category, as built and as the ranker's features read them. */
class StoreAndCategorySignalsTest {
    static final Instant NOW = Instant.parse("2026-08-01T00:00:00Z");
    static final List<CatalogItem> CATALOG = List.of(
            item("a1", "Garden/Tools", "Acme"), item("b1", "Garden/Tools", "Bolt"),
            item("a2", "Garden/Seeds", "Acme"), item("b2", "Garden/Seeds", "Bolt"),
            item("k1", "Kitchen/Pans", "Cook"), item("k2", "Kitchen/Pans", "Chef"),
            item("b3", "Garden/Tools", "Bolt"));

    static CatalogItem item(String id, String category, String brand) {
        return new CatalogItem(id, brand + " " + id, category, brand, 10, false, 0, false);
    }

    /**
     * The chain sells Acme and Bolt garden items alike, but store s1 sells Acme four times as often; kitchen items
     * sold long ago and garden items in the last days.
     */
    static Aggregates build() {
        InMemoryEventStore events = new InMemoryEventStore();
        int[] n = {0};
        java.util.function.BiConsumer<String, String> buy = (item, store) -> {
            n[0]++;
            Instant at = item.startsWith("k") ? NOW.minus(Duration.ofDays(60)) : NOW.minus(Duration.ofDays(2));
            events.putIfAbsent(new ShopperEvent("e" + n[0], "u" + n[0], item, EventType.PURCHASE,
                    at.plusSeconds(n[0]), store == null ? Channel.WEB : Channel.STORE, store, null, null));
        };
        for (int i = 0; i < 20; i++) {
            buy.accept(i % 5 == 0 ? "b1" : "a1", "s1");
            buy.accept(i % 5 == 0 ? "a1" : "b1", "s2");
            buy.accept(i % 2 == 0 ? "a2" : "b2", null);
            buy.accept(i % 2 == 0 ? "k1" : "k2", null);
        }
        return new AggregateBuilder(AggregateConfig.defaults()).build(events, CATALOG, Map.of(), NOW);
    }

    static Map<String, Float> lifts(Aggregates aggregates, String store) {
        return aggregates.list(BrandLift.listName(store)).asMap();
    }

    @Test
    void build_shouldLiftTheBrandAStoreSellsMoreOf_whenTheChainSellsBothAlike() {
        Aggregates aggregates = build();
        Map<String, Float> s1 = lifts(aggregates, "s1");
        Map<String, Float> s2 = lifts(aggregates, "s2");
        assertTrue(s1.get("Garden/Acme") > 1.3 && s1.get("Garden/Bolt") < 0.7, s1.toString());
        assertTrue(s2.get("Garden/Bolt") > 1.3 && s2.get("Garden/Acme") < 0.7, s2.toString());
        assertTrue(lifts(aggregates, "s3").isEmpty(), "a store without sales has no lifts");
        RankedList list = aggregates.list(BrandLift.listName("s1"));
        assertEquals("Garden/Acme", list.ids()[0], "highest lift first");
    }

    @Test
    void build_shouldKeepALiftNearOne_whenTheStoreSoldLittle() {
        InMemoryEventStore events = new InMemoryEventStore();
        for (int i = 0; i < 20; i++) {
            events.putIfAbsent(new ShopperEvent("w" + i, "u" + i, i % 2 == 0 ? "a1" : "b1", EventType.PURCHASE,
                    NOW.minusSeconds(3600 + i), Channel.WEB, null, null, null));
        }
        events.putIfAbsent(new ShopperEvent("s", "u99", "a1", EventType.PURCHASE, NOW.minusSeconds(60), Channel.STORE,
                "s9", null, null));
        Aggregates aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, CATALOG, Map.of(), NOW);
        float lift = lifts(aggregates, "s9").get("Garden/Acme");
        assertTrue(lift > 1 && lift < 1.5, "one sale moves the lift a little, not to 2x: " + lift);
    }

    @Test
    void build_shouldRankRisingCategoriesAboveFadingOnes() {
        Map<String, Float> trend = build().list(CategoryTrend.LIST).asMap();
        assertTrue(trend.get("Garden") > 1 && trend.get("Garden/Tools") > 1, trend.toString());
        assertTrue(trend.get("Kitchen") < 1 && trend.get("Kitchen/Pans") < 1, trend.toString());
    }

    @Test
    void features_shouldReadTheLiftAtTheShoppersStore_andTheCategoryTrend_andNoLiftAtAStoreThatNeverSold() {
        Aggregates aggregates = build();
        CandidateGenerator generator = new CandidateGenerator(CandidateConfig.defaults());
        FeatureRegistry registry = FeatureRegistry.forSources(generator.sourceNames());
        int lift = registry.names().indexOf("store_brand_lift");
        int trend = registry.names().indexOf("top_category_trend");
        Customer atS1 = new Customer("u", 30, "f", "north", "s1");
        for (String store : new String[] {null, "s1", "s2", "no-such-store"}) {
            ShopperRequest request = new ShopperRequest(UserState.empty("u"), store == null ? Optional.empty()
                    : Optional.of(atS1), store, NOW);
            CandidatePool pool = generator.generate(request, aggregates);
            List<double[]> rows = registry.vectors(request, pool, aggregates);
            for (int i = 0; i < pool.size(); i++) {
                Candidate c = pool.candidates().get(i);
                double[] row = rows.get(i);
                String brand = c.facts().item().brand();
                if (store == null || store.equals("no-such-store")) {
                    assertEquals(0, row[lift], c.itemId() + ": no store that sold, no lift");
                } else if (brand.equals("Acme")) {
                    assertTrue(store.equals("s1") ? row[lift] > 0 : row[lift] < 0, store + " " + c.itemId());
                }
                boolean garden = c.facts().item().topCategory().equals("Garden");
                assertTrue(garden ? row[trend] > 0 : row[trend] < 0, c.itemId() + " trend " + row[trend]);
            }
        }
    }
}
