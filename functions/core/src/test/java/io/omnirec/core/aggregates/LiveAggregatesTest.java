package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryHeatCounters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LiveAggregatesTest {
    static final Instant BUILT = Instant.parse("2026-11-30T10:00:30Z");
    static final List<CatalogItem> CATALOG = List.of("a", "b", "c", "d", "e", "f").stream()
            .map(id -> new CatalogItem(id, "Item " + id, "Home/Decor", "Acme", 10, false)).toList();
    static final AggregateBuilder BUILDER = new AggregateBuilder(AggregateConfig.defaults());

    private static int ids;

    static ShopperEvent event(String user, String item, EventType type, Instant at, String store) {
        return new ShopperEvent("e" + ids++, user, item, type, at, store == null ? Channel.WEB : Channel.STORE, store,
                null, null);
    }

    static List<ShopperEvent> history() {
        List<ShopperEvent> events = new ArrayList<>();
        Instant before = BUILT.minusSeconds(86_400);
        for (String user : List.of("u1", "u2", "u3")) {
            events.add(event(user, "a", EventType.PURCHASE, before, null));
        }
        events.add(event("u1", "b", EventType.PURCHASE, before.minusSeconds(86_400 * 10), "riverside"));
        events.add(event("u2", "b", EventType.PURCHASE, before, null));
        events.add(event("u1", "c", EventType.PURCHASE, before.minusSeconds(86_400 * 20), null));
        events.add(event("u4", "d", EventType.VIEW, before, "riverside"));
        return events;
    }

    /** What new shoppers did after the build: c bought three times at Riverside, e viewed, an unknown item bought. */
    static List<ShopperEvent> live() {
        Instant minute1 = BUILT.plusSeconds(50);
        Instant minute2 = BUILT.plusSeconds(100);
        return List.of(
                event("n1", "c", EventType.PURCHASE, minute1, "riverside"),
                event("n2", "c", EventType.PURCHASE, minute1, "riverside"),
                event("n3", "c", EventType.PURCHASE, minute2, "riverside"),
                event("n3", "e", EventType.VIEW, minute2, null),
                event("n4", "e", EventType.ADD_TO_CART, minute2, null),
                event("n4", "ghost", EventType.PURCHASE, minute2, "riverside"));
    }

    static Aggregates build(List<ShopperEvent> events, Instant at) {
        InMemoryEventStore store = new InMemoryEventStore();
        events.forEach(store::putIfAbsent);
        return BUILDER.build(store, CATALOG, Map.of(), at);
    }

    @Test
    void overlay_shouldRankTheListsAsABuildOverEveryEventWould() {
        InMemoryHeatCounters counters = new InMemoryHeatCounters();
        for (ShopperEvent event : live()) {
            counters.add(event.timestamp(), HeatTally.of(List.of(event)));
        }
        Aggregates base = build(history(), BUILT);

        Aggregates overlaid = LiveAggregates.overlay(base, counters.since(BUILT), AggregateConfig.defaults());

        List<ShopperEvent> all = new ArrayList<>(history());
        all.addAll(live());
        Aggregates rebuilt = build(all, BUILT.plusSeconds(120));
        for (String list : List.of(Aggregates.POPULAR, Aggregates.TRENDING, Aggregates.NEW,
                Aggregates.storeKey("riverside"))) {
            assertEquals(List.of(rebuilt.list(list).ids()), List.of(overlaid.list(list).ids()), list);
        }
        assertEquals("c", overlaid.list(Aggregates.POPULAR).ids()[0], "three new buyers lift c to the top");
        assertEquals(4, overlaid.item("c").orElseThrow().buyers());
        assertEquals(base.item("a"), overlaid.item("a"), "an item no event named is unchanged");
        assertEquals(base.version(), overlaid.version());
    }

    @Test
    void overlay_shouldLeaveOutTheBuildsOwnMinuteAndEarlier_andItemsOutsideTheCatalog() {
        Aggregates base = build(history(), BUILT);
        InMemoryHeatCounters counters = new InMemoryHeatCounters();
        HeatTally burst = HeatTally.of(List.of(event("n1", "f", EventType.PURCHASE, BUILT, null)));
        counters.add(BUILT.minusSeconds(600), burst);
        counters.add(BUILT.plusSeconds(10), burst);
        counters.add(BUILT.plusSeconds(60), HeatTally.of(List.of(event("n1", "ghost", EventType.PURCHASE,
                BUILT.plusSeconds(60), null))));

        assertSame(base, LiveAggregates.overlay(base, counters.since(BUILT.minusSeconds(3600)),
                AggregateConfig.defaults()));
    }
}
