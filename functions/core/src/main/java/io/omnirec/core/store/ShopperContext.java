package io.omnirec.core.store;

import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.UserState;

import java.util.Optional;

/**
 * What the recommend path reads for one shopper.
 *
 * @param profile the imported profile, empty for unknown or anonymous shoppers
 */
public record ShopperContext(UserState state, Optional<Customer> profile) {
}
