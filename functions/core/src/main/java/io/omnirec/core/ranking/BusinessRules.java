package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.ShopperRequest;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a shopper may be shown: never a durable they already bought. Consumables they bought stay eligible, so the
 * coffee bought every month can be suggested again.
 */
public final class BusinessRules {
    private BusinessRules() {
    }

    public static Predicate<Candidate> eligible(ShopperRequest request) {
        return candidate -> candidate.facts().item().consumable()
                || !request.state().purchased().contains(candidate.itemId());
    }

    /**
     * What a recommend call may show: {@link #eligible(ShopperRequest)}, and never an excluded item, the item on
     * screen, an item already in the cart (unless the caller includes the cart) or an item outside the asked category.
     */
    public static Predicate<Candidate> eligible(ShopperRequest request, RecommendationQuery query) {
        Set<String> never = new HashSet<>(query.exclude());
        if (!query.includeCart()) {
            never.addAll(request.context().cart());
        }
        if (request.context().currentItemId() != null) {
            never.add(request.context().currentItemId());
        }
        return eligible(request).and(candidate -> !never.contains(candidate.itemId())
                && query.inCategory(candidate.facts().item().category()));
    }
}
