package io.omnirec.recommend;

import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.HeatTally;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.memory.InMemoryAggregateStore;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryHeatCounters;
import io.omnirec.runtime.OmnirecConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recommend's cached aggregates fold in the live sales heat between builds, each event once. */
class CachedAggregatesTest {
    static final List<CatalogItem> CATALOG = List.of("a", "b", "c").stream()
            .map(id -> new CatalogItem(id, "Item " + id, "Home/Decor", "Acme", 10, false)).toList();

    final ServingModelsTest.TestClock clock = new ServingModelsTest.TestClock();
    final InMemoryEventStore log = new InMemoryEventStore();
    final InMemoryAggregateStore builds = new InMemoryAggregateStore();
    final InMemoryHeatCounters heat = new InMemoryHeatCounters();
    int ids;

    static OmnirecConfig config(int aggregatesSeconds, int heatSeconds) {
        return (OmnirecConfig) java.lang.reflect.Proxy.newProxyInstance(OmnirecConfig.class.getClassLoader(),
                new Class<?>[] {OmnirecConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "aggregatesRefreshSeconds" -> aggregatesSeconds;
                    case "liveHeatRefreshSeconds" -> heatSeconds;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** New shoppers buy the item, as ingest would log and count them. */
    void bought(String item, int shoppers) {
        List<ShopperEvent> events = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            ShopperEvent event = new ShopperEvent("e" + ids, "shopper-" + ids++, item, EventType.PURCHASE,
                    clock.now, Channel.WEB, null, null, null);
            log.putIfAbsent(event);
            events.add(event);
        }
        heat.add(clock.now, HeatTally.of(events));
    }

    void build() {
        builds.save(new AggregateBuilder(AggregateConfig.defaults()).build(log, CATALOG, Map.of(), clock.now));
    }

    static List<String> popular(Aggregates aggregates) {
        return List.of(aggregates.list(Aggregates.POPULAR).ids());
    }

    @Test
    void get_shouldFoldEachMinuteOfLiveHeatInOnce_untilTheNextBuildCountsIt() {
        bought("a", 3);
        bought("b", 2);
        build();
        clock.now = clock.now.plusSeconds(30);
        CachedAggregates cached = new CachedAggregates(builds, heat, clock, config(300, 60));
        assertEquals(List.of("a", "b"), popular(cached.get()));

        clock.now = clock.now.plusSeconds(50);
        bought("c", 1);
        assertEquals(List.of("a", "b"), popular(cached.get()), "the live heat is read on its clock");
        clock.now = clock.now.plusSeconds(15);
        assertEquals(List.of("a", "b", "c"), popular(cached.get()));

        clock.now = clock.now.plusSeconds(10);
        bought("c", 3);
        clock.now = clock.now.plusSeconds(60);
        Aggregates live = cached.get();
        assertEquals(List.of("c", "a", "b"), popular(live), "the minute read before is read again as it grew");
        assertEquals(4, live.item("c").orElseThrow().buyers(), "and its first events count once");

        clock.now = clock.now.plusSeconds(120);
        build();
        clock.now = clock.now.plusSeconds(60);
        bought("b", 1);
        clock.now = clock.now.plusSeconds(240);
        Aggregates rebuilt = cached.get();
        assertEquals(builds.latestVersion().orElseThrow(), rebuilt.version());
        assertEquals(4, rebuilt.item("c").orElseThrow().buyers(), "the build counted the live minutes before it");
        assertEquals(3, rebuilt.item("b").orElseThrow().buyers(), "a minute after the build still counts live");
    }
}
