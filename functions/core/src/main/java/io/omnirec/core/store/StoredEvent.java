package io.omnirec.core.store;

import io.omnirec.core.domain.ShopperEvent;

import java.time.Instant;

/**
 * An event as the log holds it, with where it stands in being applied to the shopper's state.
 *
 * @param storedAt   when the log first stored it (server time)
 * @param leaseUntil while {@code PENDING}: until when the request that stored (or last repaired) it may still be applying
 *                   it; after that a resend or the repair job may take over. {@link Instant#EPOCH} otherwise
 */
public record StoredEvent(ShopperEvent event, State state, Instant storedAt, Instant leaseUntil) {

    /** Where an event stands. */
    public enum State {
        /** Stored; its effect on the shopper's state may or may not have been written yet (the marker decides). */
        PENDING,
        /** Its effect is in the shopper's state, once. Events stored before states existed read as applied. */
        APPLIED,
        /**
         * Stuck long enough that the shopper's markers no longer prove whether it was applied: it is never applied again
         * (at most once) and kept for an operator.
         */
        UNRESOLVED
    }

    /** Whether a resend or the repair job may take this event over at {@code now}. */
    public boolean leaseExpired(Instant now) {
        return state == State.PENDING && !leaseUntil.isAfter(now);
    }
}
