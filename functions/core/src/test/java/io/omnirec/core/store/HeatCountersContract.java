package io.omnirec.core.store;

import io.omnirec.core.aggregates.HeatTally;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link HeatCounters} must do; run against each implementation. Each test gets empty counters. */
public abstract class HeatCountersContract {

    protected abstract HeatCounters newCounters();

    private static final String ODD_ITEM = "sku/42#b:jürgen 1";
    private static final String ODD_STORE = "s1:7";

    @Test
    void since_shouldSumEachMinutesTalliesFromTheMinuteOfFromOn() {
        HeatCounters counters = newCounters();
        HeatTally a = new HeatTally(Map.of("i1", 1.0, ODD_ITEM, 0.2), Map.of("i1", 1L),
                Map.of(ODD_STORE, Map.of(ODD_ITEM, 0.2), "riverside", Map.of("i1", 1.0)));
        HeatTally b = new HeatTally(Map.of("i1", 0.6), Map.of(), Map.of(ODD_STORE, Map.of("i1", 0.6)));
        counters.add(Instant.parse("2026-11-30T09:59:59Z"), a);
        counters.add(Instant.parse("2026-11-30T10:00:05Z"), a);
        counters.add(Instant.parse("2026-11-30T10:00:50Z"), b);
        counters.add(Instant.parse("2026-11-30T10:03:00Z"), b);

        NavigableMap<Instant, HeatTally> minutes = counters.since(Instant.parse("2026-11-30T10:00:30Z"));

        assertEquals(List.of(Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:03:00Z")),
                List.copyOf(minutes.keySet()));
        HeatTally first = minutes.firstEntry().getValue();
        assertEquals(1.6, first.signal().get("i1"), 1e-9);
        assertEquals(0.2, first.signal().get(ODD_ITEM), 1e-9);
        assertEquals(Map.of("i1", 1L), first.purchases());
        assertEquals(Map.of(ODD_ITEM, 0.2, "i1", 0.6), rounded(first.stores().get(ODD_STORE)));
        assertEquals(Map.of("i1", 1.0), rounded(first.stores().get("riverside")));
        assertEquals(b, minutes.lastEntry().getValue());
    }

    @Test
    void add_shouldKeepEveryCounterOfALargeTally() {
        HeatCounters counters = newCounters();
        Map<String, Double> signal = new HashMap<>();
        Map<String, Map<String, Double>> stores = new HashMap<>();
        for (int i = 0; i < 450; i++) {
            signal.put("item-" + i + "-" + "x".repeat(200), 1.0);
            stores.computeIfAbsent("store-" + (i % 3), s -> new HashMap<>()).put("item-" + i, 0.2);
        }
        HeatTally tally = new HeatTally(signal, Map.of(), stores);
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        for (int round = 0; round < 3; round++) {
            counters.add(at, tally);
        }

        HeatTally read = counters.since(at).get(at);
        assertEquals(450, read.signal().size());
        read.signal().values().forEach(v -> assertEquals(3.0, v, 1e-9));
        assertEquals(3, read.stores().size());
        read.stores().values().forEach(items -> items.values().forEach(v -> assertEquals(0.6, v, 1e-9)));
    }

    private static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, Math.round(v * 1e9) / 1e9));
        return out;
    }
}
