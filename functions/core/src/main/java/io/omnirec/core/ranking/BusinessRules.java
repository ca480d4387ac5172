package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.ReplenishSource;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.StockLevel;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a shopper may be shown: never a durable they already bought, nor what is already in their cart, nor a
 * consumable they bought too recently: one with a known lifetime comes back when it is nearly used up
 * ({@link ReplenishSource#DUE_FROM}), one without after {@link #UNKNOWN_LIFETIME_GAP}. So the coffee bought every
 * month is suggested again, and not the day after. Training applies the same rules to its candidates, so the model
 * learns from what recommend can show.
 */
public final class BusinessRules {
    /** How long a consumable without a known lifetime stays out after a purchase. */
    public static final Duration UNKNOWN_LIFETIME_GAP = Duration.ofDays(7);

    private BusinessRules() {
    }

    public static Predicate<Candidate> eligible(ShopperRequest request) {
        Set<String> cart = Set.copyOf(request.cart());
        return notABoughtDurable(request).and(candidate -> !cart.contains(candidate.itemId()));
    }

    /**
     * What a recommend call may show: never a durable the shopper bought, an excluded item, the item on screen, an
     * item already in the cart (unless the caller includes the cart), an item outside the asked category or one that
     * is not in stock where the shopper is served ({@code unavailable}, see {@link #stockLocation}).
     */
    public static Predicate<Candidate> eligible(ShopperRequest request, RecommendationQuery query,
                                                Set<String> unavailable) {
        Set<String> never = new HashSet<>(query.exclude());
        never.addAll(unavailable);
        if (!query.includeCart()) {
            never.addAll(request.cart());
        }
        if (request.context().currentItemId() != null) {
            never.add(request.context().currentItemId());
        }
        return notABoughtDurable(request).and(candidate -> !never.contains(candidate.itemId())
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

    private static Predicate<Candidate> notABoughtDurable(ShopperRequest request) {
        long recent = request.at().minus(UNKNOWN_LIFETIME_GAP).getEpochSecond();
        return candidate -> {
            Long last = request.state().purchases().get(candidate.itemId());
            if (last == null) {
                return true;
            }
            CatalogItem item = candidate.facts().item();
            if (!item.consumable()) {
                return false;
            }
            return item.repurchaseDays() > 0 ? ReplenishSource.due(item, last, request).isPresent() : last <= recent;
        };
    }
}
