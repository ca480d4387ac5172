package io.omnirec.core.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a shopper did. The wire name is the lower-case enum name, e.g. {@code add_to_cart}. Two types are not about an
 * item: {@link #IDENTIFY} says that an anonymous session belongs to a shopper, whose state then absorbs it, and
 * {@link #SEARCH} carries the query text. The effect of each type on the shopper's state is in the README's table.
 */
public enum EventType {
    VIEW(1.0),
    CLICK(1.0),
    ADD_TO_CART(3.0),
    REMOVE_FROM_CART(0.0),
    PURCHASE(5.0),
    FAVORITE(3.0),
    RATE(2.0),
    RETURN(0.0),
    SEARCH(0.0),
    IDENTIFY(0.0);

    private final double affinityWeight;

    EventType(double affinityWeight) {
        this.affinityWeight = affinityWeight;
    }

    /** How much one such event says about the shopper's taste for the item's category and brand. */
    public double affinityWeight() {
        return affinityWeight;
    }

    /** Whether the event is about an item (every type but {@link #IDENTIFY} and {@link #SEARCH}). */
    public boolean isInteraction() {
        return this != IDENTIFY && this != SEARCH;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty when it is not a known event type. */
    public static Optional<EventType> fromWire(String value) {
        for (EventType type : values()) {
            if (type.wireName().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
