package io.omnirec.core.features;

import io.omnirec.core.domain.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shopper's real-time state: what they bought and when, what is in their cart, which items they touched and how
 * much, what they did last, and how their attention is spread over categories and brands. Affinities are weights
 * scaled for time decay ({@link AffinityDecay}); only their shares ({@link #share}) mean anything.
 *
 * Every per-item map is bounded ({@link StateBounds}): a state built from interactions or merged keeps what matters
 * most within them; a state read from a store may be a little past them until the store's next trim.
 *
 * @param purchases when the shopper last bought each item they bought (epoch seconds; 0 when not known)
 * @param cart      when each item now in the cart was put there (epoch seconds); a purchase or a removal takes it out
 * @param items     interaction weight per item (views, carts, purchases... weighted by
 *                  {@link io.omnirec.core.domain.EventType#affinityWeight()})
 * @param recent    the last {@link #RECENT_LIMIT} interactions, oldest first
 */
public record UserState(String userId, Map<String, Long> purchases, Map<String, Long> cart, Map<String, Double> items,
                        Map<String, Double> affinities, double affinityTotal, double priceLogSum, long priceCount,
                        List<Interaction> recent) {

    /** How many recent interactions a state keeps; older ones are dropped. */
    public static final int RECENT_LIMIT = 20;

    /** How far back a view or click still counts as what the shopper is browsing now. */
    public static final Duration BROWSING_WINDOW = Duration.ofMinutes(30);

    /** A cart entry older than this is treated as abandoned: it no longer seeds recommendations. */
    public static final Duration CART_LIFETIME = Duration.ofDays(14);

    public UserState {
        purchases = Map.copyOf(purchases);
        cart = Map.copyOf(cart);
        items = Map.copyOf(items);
        affinities = Map.copyOf(affinities);
        recent = latest(recent);
    }

    public UserState(String userId, Map<String, Long> purchases, Map<String, Long> cart, Map<String, Double> items,
                     Map<String, Double> affinities, double affinityTotal, double priceLogSum, long priceCount) {
        this(userId, purchases, cart, items, affinities, affinityTotal, priceLogSum, priceCount, List.of());
    }

    public static UserState empty(String userId) {
        return new UserState(userId, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0, 0);
    }

    /** The {@link #RECENT_LIMIT} latest of {@code interactions}, oldest first (a stable order for equal times). */
    public static List<Interaction> latest(List<Interaction> interactions) {
        if (interactions.size() <= RECENT_LIMIT && isOrdered(interactions)) {
            return List.copyOf(interactions);
        }
        List<Interaction> sorted = new ArrayList<>(interactions);
        sorted.sort(Comparator.comparingLong(Interaction::at));
        return List.copyOf(sorted.subList(Math.max(0, sorted.size() - RECENT_LIMIT), sorted.size()));
    }

    private static boolean isOrdered(List<Interaction> interactions) {
        for (int i = 1; i < interactions.size(); i++) {
            if (interactions.get(i).at() < interactions.get(i - 1).at()) {
                return false;
            }
        }
        return true;
    }

    /** This state with each per-item map cut back to its bound where it is past it ({@link StateBounds}). */
    public UserState bounded() {
        return new UserState(userId, StateBounds.latest(purchases, StateBounds.PURCHASES),
                StateBounds.latest(cart, StateBounds.CART), StateBounds.heaviest(items, StateBounds.ITEMS),
                StateBounds.heaviest(affinities, StateBounds.AFFINITIES), affinityTotal, priceLogSum, priceCount,
                recent);
    }

    /**
     * What the shopper is browsing as of {@code now}: the items viewed or clicked within {@link #BROWSING_WINDOW},
     * the most recent first, each once.
     */
    public List<String> browsing(Instant now) {
        long since = now.minus(BROWSING_WINDOW).getEpochSecond();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            Interaction interaction = recent.get(i);
            if (interaction.at() >= since && interaction.at() <= now.getEpochSecond()
                    && (interaction.type() == EventType.VIEW || interaction.type() == EventType.CLICK)) {
                seen.add(interaction.itemId());
            }
        }
        return List.copyOf(seen);
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
        return new Builder(this).add(update).build();
    }

    /**
     * Accumulates interactions onto a state without copying it per interaction: replays of a shopper's whole history
     * (training's replay at a cutoff, a rebuild from the log; {@link #plus} is one step of it).
     */
    public static final class Builder {
        private final String userId;
        private final Map<String, Long> purchases;
        private final Map<String, Long> cart;
        private final Map<String, Double> items;
        private final Map<String, Double> affinities;
        private final List<Interaction> recent;
        private double affinityTotal;
        private double priceLogSum;
        private long priceCount;

        /** Starts from {@code state}. */
        public Builder(UserState state) {
            userId = state.userId;
            purchases = new HashMap<>(state.purchases);
            cart = new HashMap<>(state.cart);
            items = new HashMap<>(state.items);
            affinities = new HashMap<>(state.affinities);
            recent = new ArrayList<>(state.recent);
            affinityTotal = state.affinityTotal;
            priceLogSum = state.priceLogSum;
            priceCount = state.priceCount;
        }

        /** Applies one interaction's deltas. */
        public Builder add(InteractionUpdate update) {
            if (update.returnedItemId() != null) {
                purchases.remove(update.returnedItemId());
            }
            if (update.purchasedItemId() != null) {
                purchases.merge(update.purchasedItemId(), update.at(), Math::max);
            }
            if (update.cart() == InteractionUpdate.CartChange.ADD) {
                cart.put(update.itemId(), update.at());
            } else if (update.cart() == InteractionUpdate.CartChange.REMOVE) {
                cart.remove(update.itemId());
            }
            if (update.itemWeight() > 0) {
                items.merge(update.itemId(), update.itemWeight(), Double::sum);
            }
            update.affinities().forEach((k, v) -> affinities.merge(k, v, Double::sum));
            affinityTotal += update.affinityTotal();
            priceLogSum += update.priceLog();
            priceCount += update.priceCount();
            recent.add(update.interaction());
            if (recent.size() > 2 * RECENT_LIMIT) {
                List<Interaction> kept = latest(recent);
                recent.clear();
                recent.addAll(kept);
            }
            return this;
        }

        /** The state, bounded ({@link #bounded}) whatever order the updates came in. */
        public UserState build() {
            return new UserState(userId, purchases, cart, items, affinities, affinityTotal, priceLogSum, priceCount,
                    recent).bounded();
        }
    }

    /**
     * This shopper's state with an anonymous session's state merged in (after an identify event): weights and
     * affinities add up, the later purchase and cart times win, and the recent interactions interleave by time; the
     * result is bounded ({@link #bounded}).
     */
    public UserState merge(UserState session) {
        Map<String, Long> newPurchases = new HashMap<>(purchases);
        session.purchases.forEach((item, at) -> newPurchases.merge(item, at, Math::max));
        Map<String, Long> newCart = new HashMap<>(cart);
        session.cart.forEach((item, at) -> newCart.merge(item, at, Math::max));
        Map<String, Double> newItems = new HashMap<>(items);
        session.items.forEach((item, weight) -> newItems.merge(item, weight, Double::sum));
        Map<String, Double> newAffinities = new HashMap<>(affinities);
        session.affinities.forEach((key, weight) -> newAffinities.merge(key, weight, Double::sum));
        List<Interaction> newRecent = new ArrayList<>(recent);
        newRecent.addAll(session.recent);
        return new UserState(userId, newPurchases, newCart, newItems, newAffinities,
                affinityTotal + session.affinityTotal, priceLogSum + session.priceLogSum,
                priceCount + session.priceCount, newRecent).bounded();
    }
}
