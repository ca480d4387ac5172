package io.omnirec.core.aggregates;

import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What accepted events add to the sales heat, before any decay: per item the events' {@linkplain #signal signal} and
 * purchases, and per store (the events' {@code storeId}) the signal per item. Ingest sums each request's accepted events
 * into one tally and adds it to the current minute ({@link io.omnirec.core.store.HeatCounters}); recommend folds the
 * minutes since the last build into the aggregates it serves ({@link LiveAggregates}).
 *
 * @param signal    summed signal by item id
 * @param purchases purchase events by item id
 * @param stores    summed signal by store id, then item id
 */
public record HeatTally(Map<String, Double> signal, Map<String, Long> purchases,
                        Map<String, Map<String, Double>> stores) {
    public static final HeatTally EMPTY = new HeatTally(Map.of(), Map.of(), Map.of());

    public HeatTally {
        signal = Map.copyOf(signal);
        purchases = Map.copyOf(purchases);
        Map<String, Map<String, Double>> copy = new HashMap<>();
        stores.forEach((store, items) -> copy.put(store, Map.copyOf(items)));
        stores = Map.copyOf(copy);
    }

    /** What one event of this type says about demand for its item: a purchase 1, weaker events their share of it. */
    public static double signal(EventType type) {
        return type.affinityWeight() / EventType.PURCHASE.affinityWeight();
    }

    /** The tally of events about items (others are left out). */
    public static HeatTally of(Collection<ShopperEvent> events) {
        Map<String, Double> signal = new HashMap<>();
        Map<String, Long> purchases = new HashMap<>();
        Map<String, Map<String, Double>> stores = new HashMap<>();
        for (ShopperEvent event : events) {
            if (event.itemId() == null || !event.type().isInteraction()) {
                continue;
            }
            double s = signal(event.type());
            if (s > 0) {
                signal.merge(event.itemId(), s, Double::sum);
                if (event.storeId() != null) {
                    stores.computeIfAbsent(event.storeId(), k -> new HashMap<>()).merge(event.itemId(), s, Double::sum);
                }
            }
            if (event.type() == EventType.PURCHASE) {
                purchases.merge(event.itemId(), 1L, Long::sum);
            }
        }
        return new HeatTally(signal, purchases, stores);
    }

    /** Both tallies summed. */
    public HeatTally plus(HeatTally other) {
        Map<String, Double> s = new HashMap<>(signal);
        other.signal.forEach((item, v) -> s.merge(item, v, Double::sum));
        Map<String, Long> p = new HashMap<>(purchases);
        other.purchases.forEach((item, v) -> p.merge(item, v, Long::sum));
        Map<String, Map<String, Double>> st = new HashMap<>();
        stores.forEach((store, items) -> st.put(store, new HashMap<>(items)));
        other.stores.forEach((store, items) -> items.forEach((item, v) ->
                st.computeIfAbsent(store, k -> new HashMap<>()).merge(item, v, Double::sum)));
        return new HeatTally(s, p, st);
    }

    public boolean isEmpty() {
        return signal.isEmpty() && purchases.isEmpty() && stores.isEmpty();
    }
}
