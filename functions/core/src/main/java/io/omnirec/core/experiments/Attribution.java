package io.omnirec.core.experiments;

import io.omnirec.core.domain.EventType;

import java.util.Optional;

/** What an event carrying a recommendation id counts as for the answer it names, and what came of crediting it. */
public final class Attribution {
    private Attribution() {
    }

    /** The kinds of response an answer can get, per position. */
    public enum Response {
        CLICK, CART, PURCHASE;

        /** The response an event is, if any: views and clicks are clicks, an add to cart a cart, a purchase a purchase. */
        public static Optional<Response> of(EventType type) {
            return switch (type) {
                case VIEW, CLICK -> Optional.of(CLICK);
                case ADD_TO_CART -> Optional.of(CART);
                case PURCHASE -> Optional.of(PURCHASE);
                default -> Optional.empty();
            };
        }
    }

    /** What crediting an event did. */
    public enum Outcome {
        /** Counted for the answer, at the item's position. */
        CREDITED,
        /** No answer with that id is kept (never served, or expired). */
        UNKNOWN_RECOMMENDATION,
        /** The answer did not show the event's item. */
        NOT_SHOWN,
        /** The event type is not a response (e.g. a removal from the cart). */
        NOT_A_RESPONSE
    }
}
