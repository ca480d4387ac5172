package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.ReplenishSource;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.StockLevel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a shopper may be shown: never an item withdrawn from sale, nor a durable they already bought nor a
 * near-duplicate of one (same leaf category and brand, price within 25%), nor what is already in their cart, nor a
 * consumable they bought too recently: one with a known lifetime comes back when it is nearly used up
 * ({@link ReplenishSource#DUE_FROM}), one without after {@link #UNKNOWN_LIFETIME_GAP}. So the coffee bought every
 * month is suggested again, and not the day after. Training applies the same rules to its candidates, so the model
 * learns from what recommend can show.
 */
public final class BusinessRules {
    /** How long a consumable without a known lifetime stays out after a purchase. */
    public static final Duration UNKNOWN_LIFETIME_GAP = Duration.ofDays(7);
    /** How far apart in price two durables of one leaf category and brand may be and still be near-duplicates. */
    public static final double NEAR_DUPLICATE_PRICE_RATIO = 1.25;

    private BusinessRules() {
    }

    public static Predicate<Candidate> eligible(ShopperRequest request, Aggregates aggregates) {
        Set<String> cart = Set.copyOf(request.cart());
        return notABoughtDurable(request, aggregates).and(candidate -> !cart.contains(candidate.itemId()));
    }

    /**
     * What a recommend call may show: never a durable the shopper bought (nor its near-duplicates), an excluded item, the item on screen, an
     * item already in the cart (unless the caller includes the cart), an item outside the asked category or one that
     * is not in stock where the shopper is served ({@code unavailable}, see {@link #stockLocation}).
     */
    public static Predicate<Candidate> eligible(ShopperRequest request, RecommendationQuery query,
                                                Set<String> unavailable, Aggregates aggregates) {
        Set<String> never = new HashSet<>(query.exclude());
        if (!query.includeCart()) {
            never.addAll(request.cart());
        }
        if (request.context().currentItemId() != null) {
            never.add(request.context().currentItemId());
        }
        // the stock set is the cached one, looked up as it is: a store may lack tens of thousands of items
        return notABoughtDurable(request, aggregates).and(candidate -> !never.contains(candidate.itemId())
                && !unavailable.contains(candidate.itemId())
                && query.inCategory(candidate.facts().item().category()));
    }

    /**
     * Whose stock applies to a call: the store's for {@code channel=store} and {@code kiosk} (or a store without a
     * channel), the web shop's ({@link StockLevel#ONLINE}) for web, app and online calls.
     */
    public static String stockLocation(RecommendationQuery query) {
        boolean inStore = query.context().channel().map(Channel::isPhysical).orElse(query.storeId() != null);
        return inStore ? query.storeId() : StockLevel.ONLINE;
    }

    private static Predicate<Candidate> notABoughtDurable(ShopperRequest request, Aggregates aggregates) {
        long recent = request.at().minus(UNKNOWN_LIFETIME_GAP).getEpochSecond();
        Map<String, List<Double>> boughtDurables = boughtDurables(request, aggregates);
        return candidate -> {
            CatalogItem item = candidate.facts().item();
            if (item.inactive()) {
                return false;
            }
            Long last = request.state().purchases().get(candidate.itemId());
            if (last == null) {
                return item.consumable() || !isNearDuplicate(item, boughtDurables);
            }
            if (!item.consumable()) {
                return false;
            }
            return item.repurchaseDays() > 0 ? ReplenishSource.due(item, last, request).isPresent() : last <= recent;
        };
    }

    /** The prices of the priced, branded durables the shopper bought, by leaf category and brand. */
    private static Map<String, List<Double>> boughtDurables(ShopperRequest request, Aggregates aggregates) {
        Map<String, List<Double>> bought = new HashMap<>();
        for (String itemId : request.state().purchases().keySet()) {
            aggregates.item(itemId).map(ItemFacts::item)
                    .filter(item -> !item.consumable() && item.price() > 0 && !item.brand().isEmpty())
                    .ifPresent(item -> bought.computeIfAbsent(nearDuplicateKey(item), k -> new ArrayList<>())
                            .add(item.price()));
        }
        return bought;
    }

    /**
     * Whether a durable is a near-duplicate of one the shopper bought: same leaf category and brand, and a price within
     * {@link #NEAR_DUPLICATE_PRICE_RATIO} of it (the same TV in another size, not a second TV brand or class).
     */
    private static boolean isNearDuplicate(CatalogItem item, Map<String, List<Double>> boughtDurables) {
        if (boughtDurables.isEmpty() || item.price() <= 0) {
            return false;
        }
        for (double price : boughtDurables.getOrDefault(nearDuplicateKey(item), List.of())) {
            double ratio = item.price() / price;
            if (ratio <= NEAR_DUPLICATE_PRICE_RATIO && ratio >= 1 / NEAR_DUPLICATE_PRICE_RATIO) {
                return true;
            }
        }
        return false;
    }

    private static String nearDuplicateKey(CatalogItem item) {
        return item.category() + "\n" + item.brand();
    }
}
