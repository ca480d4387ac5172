package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.ShopperRequest;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a shopper may be shown: never a durable they already bought, nor what is already in their cart. Consumables
 * they bought stay eligible, so the coffee bought every month can be suggested again. Training applies the same rules
 * to its candidates, so the model learns from what recommend can show.
 */
public final class BusinessRules {
    private BusinessRules() {
    }

    public static Predicate<Candidate> eligible(ShopperRequest request) {
        Set<String> cart = Set.copyOf(request.cart());
        return notABoughtDurable(request).and(candidate -> !cart.contains(candidate.itemId()));
    }

    /**
     * What a recommend call may show: never a durable the shopper bought, an excluded item, the item on screen, an
     * item already in the cart (unless the caller includes the cart) or an item outside the asked category.
     */
    public static Predicate<Candidate> eligible(ShopperRequest request, RecommendationQuery query) {
        Set<String> never = new HashSet<>(query.exclude());
        if (!query.includeCart()) {
            never.addAll(request.cart());
        }
        if (request.context().currentItemId() != null) {
            never.add(request.context().currentItemId());
        }
        return notABoughtDurable(request).and(candidate -> !never.contains(candidate.itemId())
                && query.inCategory(candidate.facts().item().category()));
    }

    private static Predicate<Candidate> notABoughtDurable(ShopperRequest request) {
        return candidate -> candidate.facts().item().consumable()
                || !request.state().purchased().contains(candidate.itemId());
    }
}
