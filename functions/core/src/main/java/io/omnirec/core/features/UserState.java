package io.omnirec.core.features;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shopper's real-time state: what they bought and when, what is in their cart, which items they touched and how
 * much, and how their attention is spread over categories and brands. Affinities are raw weights; divide by
 * {@link #affinityTotal()} for shares.
 *
 * @param purchases when the shopper last bought each item they bought (epoch seconds; 0 when not known)
 * @param cart      when each item now in the cart was put there (epoch seconds); a purchase or a removal takes it out
 * @param items     interaction weight per item (views, carts, purchases... weighted by
 *                  {@link io.omnirec.core.domain.EventType#affinityWeight()})
 */
public record UserState(String userId, Map<String, Long> purchases, Map<String, Long> cart, Map<String, Double> items,
                        Map<String, Double> affinities, double affinityTotal, double priceLogSum, long priceCount) {

    /** A cart entry older than this is treated as abandoned: it no longer seeds recommendations. */
    public static final Duration CART_LIFETIME = Duration.ofDays(14);

    public UserState {
        purchases = Map.copyOf(purchases);
        cart = Map.copyOf(cart);
        items = Map.copyOf(items);
        affinities = Map.copyOf(affinities);
    }

    public static UserState empty(String userId) {
        return new UserState(userId, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0, 0);
    }

    /** The items the shopper ever bought. */
    public Set<String> purchased() {
        return purchases.keySet();
    }

    /** The cart as of {@code now}: items put there within {@link #CART_LIFETIME}, the most recent first. */
    public List<String> activeCart(Instant now) {
        long since = now.minus(CART_LIFETIME).getEpochSecond();
        return cart.entrySet().stream().filter(e -> e.getValue() >= since)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
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
        return !items.isEmpty() || affinityTotal > 0 || !purchases.isEmpty();
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
        Map<String, Long> newPurchases = purchases;
        if (update.purchasedItemId() != null) {
            newPurchases = new HashMap<>(purchases);
            newPurchases.merge(update.purchasedItemId(), update.at(), Math::max);
        }
        Map<String, Long> newCart = cart;
        if (update.cart() != InteractionUpdate.CartChange.NONE) {
            newCart = new HashMap<>(cart);
            if (update.cart() == InteractionUpdate.CartChange.ADD) {
                newCart.put(update.itemId(), update.at());
            } else {
                newCart.remove(update.itemId());
            }
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
        return new UserState(userId, newPurchases, newCart, newItems, newAffinities,
                affinityTotal + update.affinityTotal(),
                priceLogSum + update.priceLog(), priceCount + update.priceCount());
    }
}
