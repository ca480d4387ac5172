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
 * @param storeName   the name of the store where the shopper is served, when it has one
 */
public record ShopperContext(UserState state, Optional<Customer> profile, Set<String> unavailable,
                             Optional<String> storeName) {
    public ShopperContext {
        unavailable = Set.copyOf(unavailable);
    }

    public ShopperContext(UserState state, Optional<Customer> profile) {
        this(state, profile, Set.of(), Optional.empty());
    }

    /** The stock and name of the place where the shopper is served, as read with the shopper. */
    public StoreStock stock() {
        return new StoreStock(unavailable, storeName);
    }

    /** This context with the stock of the place where the shopper is served replaced by {@code stock}. */
    public ShopperContext withStock(StoreStock stock) {
        return new ShopperContext(state, profile, stock.unavailable(), stock.name());
    }
}
