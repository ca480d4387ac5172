package io.omnirec.core.store;

import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.UserState;

import java.util.Optional;
import java.util.Set;

/**
 * What the recommend path reads for one shopper.
 *
 * @param profile     the imported profile, empty for unknown or anonymous shoppers
 * @param unavailable the items not in stock where the shopper is served (empty when not asked)
 */
public record ShopperContext(UserState state, Optional<Customer> profile, Set<String> unavailable) {
    public ShopperContext {
        unavailable = Set.copyOf(unavailable);
    }

    public ShopperContext(UserState state, Optional<Customer> profile) {
        this(state, profile, Set.of());
    }
}
