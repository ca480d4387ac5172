package io.omnirec.core.candidates;

import io.omnirec.core.domain.Channel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is happening right now, as the caller says: the item on screen, the cart, the channel and free context tags
 * (e.g. {@code evening}, {@code rain}). The current item and the cart are the request's seeds: the item-to-item
 * sources start from them as well as from the shopper's history, and count them more than any past purchase.
 */
public record RequestContext(String currentItemId, List<String> cart, Optional<Channel> channel, Set<String> tags) {
    public static final RequestContext NONE = new RequestContext(null, List.of(), Optional.empty(), Set.of());

    /** How much a seed counts in the item-to-item sources, relative to one purchase in the history. */
    public static final double SEED_WEIGHT = 2.0;

    public RequestContext {
        cart = List.copyOf(cart);
        tags = Set.copyOf(tags);
    }
}
