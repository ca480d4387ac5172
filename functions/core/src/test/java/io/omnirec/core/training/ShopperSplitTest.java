package io.omnirec.core.training;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training split never lets a feature see what happened at or after a shopper's cutoff. */
class ShopperSplitTest {
    static SyntheticDataset data;
    static InMemoryEventStore events;
    static Map<String, CatalogItem> catalog;

    @BeforeAll
    static void generate() {
        data = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(5)).generate();
        events = new InMemoryEventStore();
        data.events().forEach(events::putIfAbsent);
        catalog = new HashMap<>();
        data.items().forEach(i -> catalog.put(i.itemId(), i));
    }

    @Test
    void timeSplit_shouldUseSeveralCutoffs_andLabelOnlyPurchasesFromTheShoppersCutoffOn() {
        ShopperSplit split = ShopperSplit.of(events, catalog, 0.2, ShopperSplit.Mode.TIME, 42);
        List<Instant> builds = split.buildTimes();
        assertTrue(builds.size() >= 2, "cutoffs used: " + builds);
        assertTrue(split.labels().size() > data.customers().size() / 2, split.labels().size() + " labelled");
        Map<String, List<ShopperEvent>> purchases = new HashMap<>();
        events.forEach(e -> {
            if (e.type() == EventType.PURCHASE) {
                purchases.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
            }
        });
        split.labels().forEach((shopper, labels) -> {
            Instant cutoff = split.cutoffOf(shopper);
            assertTrue(builds.contains(cutoff));
            for (String item : labels) {
                assertTrue(purchases.get(shopper).stream().anyMatch(e -> e.itemId().equals(item)
                        && !e.timestamp().isBefore(cutoff)), shopper + " " + item);
            }
        });
    }

    @Test
    void aggregatesInput_shouldHoldOnlyTheEventsBeforeTheBuild_withoutTheLabelledShoppersQuarantine() {
        ShopperSplit split = ShopperSplit.of(events, catalog, 0.2, ShopperSplit.Mode.TIME, 42);
        List<Instant> builds = split.buildTimes();
        Instant last = builds.get(builds.size() - 1);
        int[] laterThanAnEarlierCutoff = {0};
        split.eventsBefore(events, last).forEach(e -> {
            assertTrue(e.timestamp().isBefore(last), e.toString());
            if (split.labels().containsKey(e.userId())) {
                Instant own = split.cutoffOf(e.userId());
                if (own.equals(last)) {
                    assertTrue(e.timestamp().isBefore(own.minus(ShopperSplit.QUARANTINE)), e.toString());
                } else if (!e.timestamp().isBefore(own)) {
                    laterThanAnEarlierCutoff[0]++;
                }
            }
        });
        // what shoppers of an earlier cutoff did after it is plain history for a later build
        assertTrue(laterThanAnEarlierCutoff[0] > 0);
    }

    @Test
    void randomSplit_shouldBuildOnce_withoutTheHeldOutPurchases() {
        ShopperSplit split = ShopperSplit.of(events, catalog, 0.2, ShopperSplit.Mode.RANDOM, 42);
        assertEquals(1, split.buildTimes().size());
        long[] counts = new long[2];
        events.forEach(e -> counts[0]++);
        split.eventsBefore(events, split.buildTimes().get(0)).forEach(e -> counts[1]++);
        assertTrue(counts[1] < counts[0]);
        assertFalse(split.labels().isEmpty());
    }
}
