package io.omnirec.core.features;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A shopper's real-time state: what they bought, which items they touched and how much, and how their attention is
 * spread over categories and brands. Affinities are raw weights; divide by {@link #affinityTotal()} for shares.
 *
 * @param items interaction weight per item (views, carts, purchases... weighted by
 *              {@link io.omnirec.core.domain.EventType#affinityWeight()})
 */
public record UserState(String userId, Set<String> purchased, Map<String, Double> items,
                        Map<String, Double> affinities, double affinityTotal, double priceLogSum, long priceCount) {

    public UserState {
        purchased = Set.copyOf(purchased);
        items = Map.copyOf(items);
        affinities = Map.copyOf(affinities);
    }

    public static UserState empty(String userId) {
        return new UserState(userId, Set.of(), Map.of(), Map.of(), 0, 0, 0);
    }

    public static String categoryKey(String category) {
        return "c:" + category;
    }

    public static String topCategoryKey(String topCategory) {
        return "t:" + topCategory;
    }

    public static String brandKey(String brand) {
        return "b:" + brand;
    }

    public boolean hasHistory() {
        return !items.isEmpty() || affinityTotal > 0 || !purchased.isEmpty();
    }

    /** The share of the shopper's attention that went to {@code key}, 0 without history. */
    public double share(String key) {
        return affinityTotal <= 0 ? 0 : affinities.getOrDefault(key, 0.0) / affinityTotal;
    }

    /** Mean {@code ln(price)} of what the shopper bought, or NaN when they bought nothing priced. */
    public double meanPriceLog() {
        return priceCount == 0 ? Double.NaN : priceLogSum / priceCount;
    }

    /** This state with one more interaction applied. */
    public UserState plus(InteractionUpdate update) {
        Set<String> newPurchased = purchased;
        if (update.purchasedItemId() != null && !purchased.contains(update.purchasedItemId())) {
            newPurchased = new HashSet<>(purchased);
            newPurchased.add(update.purchasedItemId());
        }
        Map<String, Double> newItems = items;
        if (update.itemWeight() > 0) {
            newItems = new HashMap<>(items);
            newItems.merge(update.itemId(), update.itemWeight(), Double::sum);
        }
        Map<String, Double> newAffinities = affinities;
        if (!update.affinities().isEmpty()) {
            Map<String, Double> merged = new HashMap<>(affinities);
            update.affinities().forEach((k, v) -> merged.merge(k, v, Double::sum));
            newAffinities = merged;
        }
        return new UserState(userId, newPurchased, newItems, newAffinities, affinityTotal + update.affinityTotal(),
                priceLogSum + update.priceLog(), priceCount + update.priceCount());
    }
}
