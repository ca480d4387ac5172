package io.omnirec.core.training;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.ItemStats;
import io.omnirec.core.features.UserState;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event history split in time: features as they stood at the cutoff (replayed with the same deltas ingest
 * applies) and, per shopper, what they bought after it that they had not bought before.
 */
record History(Map<String, UserState> users, Map<String, ItemStats> items, Map<String, Set<String>> futurePurchases,
               Instant from, Instant cutoff, Instant to, long events) {

    static History split(List<ShopperEvent> events, Map<String, CatalogItem> catalog, double cutoffQuantile) {
        List<ShopperEvent> sorted = events.stream()
                .sorted(Comparator.comparing(ShopperEvent::timestamp).thenComparing(ShopperEvent::eventId))
                .toList();
        int cut = (int) Math.floor(sorted.size() * cutoffQuantile);
        Instant cutoff = sorted.get(Math.min(cut, sorted.size() - 1)).timestamp();
        Map<String, UserState> users = new HashMap<>();
        Map<String, ItemStats> items = new HashMap<>();
        Map<String, Set<String>> future = new HashMap<>();
        for (ShopperEvent event : sorted) {
            if (event.timestamp().isBefore(cutoff)) {
                InteractionUpdate update = InteractionUpdate.of(event, Optional.ofNullable(catalog.get(event.itemId())));
                users.put(event.userId(), users.getOrDefault(event.userId(), UserState.empty(event.userId())).plus(update));
                items.merge(event.itemId(), update.itemDelta(), ItemStats::plus);
            } else if (event.type() == EventType.PURCHASE) {
                UserState before = users.get(event.userId());
                if (before == null || !before.purchased().contains(event.itemId())) {
                    future.computeIfAbsent(event.userId(), u -> new HashSet<>()).add(event.itemId());
                }
            }
        }
        return new History(users, items, future, sorted.get(0).timestamp(), cutoff,
                sorted.get(sorted.size() - 1).timestamp(), sorted.size());
    }
}
