package io.omnirec.core.store;

import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;

import java.util.List;
import java.util.Optional;

/**
 * What the recommend path reads for one shopper.
 *
 * @param profile      the imported profile, empty for unknown or anonymous shoppers
 * @param popularItems the derived popularity list, most popular first; the candidate pool
 */
public record ShopperContext(UserState state, Optional<Customer> profile, List<ItemSnapshot> popularItems) {
    public ShopperContext {
        popularItems = List.copyOf(popularItems);
    }
}
