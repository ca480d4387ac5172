package io.omnirec.core.store;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.aggregates.RankedList;
import io.omnirec.core.aggregates.RankedList;
import io.omnirec.core.domain.CatalogItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link AggregateStore} must do; run against each implementation. Each test gets an empty store. */
public abstract class AggregateStoreContract {

    protected abstract AggregateStore newStore();

    static Aggregates build(String version) {
        CatalogItem milk = new CatalogItem("milk-1", "Fresh milk, 1l", "Grocery/Dairy", "Alpen", 1.29, true);
        CatalogItem bread = new CatalogItem("bread-1", "Rye \"bread\"", "Grocery/Bakery", "Brot", 2.5, true);
        return new Aggregates(version, Instant.parse("2026-11-01T10:00:00Z"),
                Map.of("milk-1", new ItemFacts(milk, 3, 2.5, 1.25, 1_700_000_000L),
                        "bread-1", new ItemFacts(bread, 1, 0.5, 0.0, 1_700_000_100L)),
                Map.of(Aggregates.COOCCURRENCE, Map.of("milk-1", new RankedList(new String[] {"bread-1"},
                        new float[] {0.75f}))),
                Map.of(Aggregates.POPULAR, new RankedList(new String[] {"milk-1", "bread-1"}, new float[] {3, 1}),
                        Aggregates.storeKey("store-01"), new RankedList(new String[] {"bread-1"}, new float[] {1})));
    }

    @Test
    void latest_shouldBeEmpty_whenNothingWasSaved() {
        AggregateStore store = newStore();
        assertEquals(Optional.empty(), store.latestVersion());
        assertEquals(Optional.empty(), store.latest());
    }

    @Test
    void latest_shouldReturnTheLastSavedBuild_whenSeveralWereSaved() {
        AggregateStore store = newStore();
        Aggregates first = build("a-" + UUID.randomUUID());
        Aggregates second = build("b-" + UUID.randomUUID());
        store.save(first);
        store.save(second);
        assertEquals(Optional.of(second.version()), store.latestVersion());
        assertEquals(second, store.latest().orElseThrow());
        assertEquals(first, store.load(first.version()).orElseThrow());
    }
}
