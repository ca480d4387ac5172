package io.omnirec.core.candidates;

import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.UserState;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking and where: the shopper's real-time state, their profile (empty for unknown shoppers), the store the
 * request comes from ({@code null} online) and what is happening right now ({@link RequestContext#NONE} when the
 * caller says nothing, as in training).
 */
public record ShopperRequest(UserState state, Optional<Customer> profile, String storeId, Instant at,
                             RequestContext context) {
    public ShopperRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(context, "context");
    }

    public ShopperRequest(UserState state, Optional<Customer> profile, String storeId, Instant at) {
        this(state, profile, storeId, at, RequestContext.NONE);
    }

    /** The store whose popularity applies: the request's store, else the shopper's home store, else none. */
    public Optional<String> effectiveStore() {
        if (storeId != null) {
            return Optional.of(storeId);
        }
        return profile.map(Customer::homeStoreId).filter(s -> !s.isEmpty());
    }
}
