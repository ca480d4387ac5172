package io.omnirec.core.candidates;

import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** The cart: the items the caller sent, then those in the shopper's stored cart ({@link UserState#activeCart}). */
    public List<String> cart() {
        List<String> cart = new ArrayList<>(context.cart());
        state.activeCart(at).stream().filter(item -> !cart.contains(item)).forEach(cart::add);
        return cart;
    }

    /**
     * What the shopper is engaging with right now: the item on screen, then the {@link #cart()}, each once. The
     * item-to-item sources start from them as well as from the history, and count them more than any past purchase
     * ({@link RequestContext#SEED_WEIGHT}).
     */
    public List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        if (context.currentItemId() != null) {
            seeds.add(context.currentItemId());
        }
        cart().stream().filter(item -> !seeds.contains(item)).forEach(seeds::add);
        return seeds;
    }

    /** The store whose popularity applies: the request's store, else the shopper's home store, else none. */
    public Optional<String> effectiveStore() {
        if (storeId != null) {
            return Optional.of(storeId);
        }
        return profile.map(Customer::homeStoreId).filter(s -> !s.isEmpty());
    }
}
