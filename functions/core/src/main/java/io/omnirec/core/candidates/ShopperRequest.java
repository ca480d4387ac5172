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
 * caller says nothing, as in training). The cart and the seeds are derived once, when the request is made, since
 * every item-to-item source, the rules and the reasons read them.
 */
public final class ShopperRequest {
    private final UserState state;
    private final Optional<Customer> profile;
    private final String storeId;
    private final String storeName;
    private final Instant at;
    private final RequestContext context;
    private final List<String> cart;
    private final List<String> seeds;

    public ShopperRequest(UserState state, Optional<Customer> profile, String storeId, Instant at,
                          RequestContext context) {
        this(state, profile, storeId, null, at, context);
    }

    /** @param storeName the name of the request's store, when it has one (reasons use it) */
    public ShopperRequest(UserState state, Optional<Customer> profile, String storeId, String storeName, Instant at,
                          RequestContext context) {
        this.state = Objects.requireNonNull(state, "state");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.storeId = storeId;
        this.storeName = storeId == null ? null : storeName;
        this.at = Objects.requireNonNull(at, "at");
        this.context = Objects.requireNonNull(context, "context");
        List<String> merged = new ArrayList<>(context.cart());
        state.activeCart(at).stream().filter(item -> !merged.contains(item)).forEach(merged::add);
        this.cart = List.copyOf(merged);
        List<String> now = new ArrayList<>();
        if (context.currentItemId() != null) {
            now.add(context.currentItemId());
        }
        cart.stream().filter(item -> !now.contains(item)).forEach(now::add);
        state.browsing(at).stream().filter(item -> !now.contains(item)).forEach(now::add);
        this.seeds = List.copyOf(now);
    }

    public ShopperRequest(UserState state, Optional<Customer> profile, String storeId, Instant at) {
        this(state, profile, storeId, at, RequestContext.NONE);
    }

    public UserState state() {
        return state;
    }

    public Optional<Customer> profile() {
        return profile;
    }

    public String storeId() {
        return storeId;
    }

    /** The request store's name, or {@code null} online or when the store has none. */
    public String storeName() {
        return storeName;
    }

    public Instant at() {
        return at;
    }

    public RequestContext context() {
        return context;
    }

    /** The cart: the items the caller sent, then those in the shopper's stored cart ({@link UserState#activeCart}). */
    public List<String> cart() {
        return cart;
    }

    /**
     * What the shopper is engaging with right now: the item on screen, the {@link #cart()}, then what they viewed or
     * clicked in the last half hour ({@link UserState#browsing}), each once. The
     * item-to-item sources start from them as well as from the history, and count them more than any past purchase
     * ({@link RequestContext#SEED_WEIGHT}).
     */
    public List<String> seeds() {
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
