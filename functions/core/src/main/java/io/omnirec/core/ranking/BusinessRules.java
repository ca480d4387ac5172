package io.omnirec.core.ranking;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.ShopperRequest;

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
}
