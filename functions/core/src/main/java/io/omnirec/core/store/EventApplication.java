package io.omnirec.core.store;

import io.omnirec.core.features.InteractionUpdate;

import java.time.Instant;

/**
 * One event's deltas, to be applied to the shopper's state once: the write also leaves a marker of the event id in the
 * state, and is skipped when the marker is there. Stores keep the latest {@link FeatureStore#MARKER_LIMIT} markers per
 * shopper and remember the newest marker time they dropped (the floor).
 *
 * @param appliedAt     the marker's time (server clock)
 * @param unmarkedSince {@code null} when the caller knows the event was never applied (it stored the event and holds
 *                      its first lease); otherwise the time after which every application must still have its marker
 *                      for the marker's absence to prove the event was not applied: the store writes only when its
 *                      floor is older, else answers {@link Outcome#UNDECIDABLE}
 */
public record EventApplication(String eventId, InteractionUpdate update, Instant appliedAt, Instant unmarkedSince) {

    /** What applying did. */
    public enum Outcome {
        /** The deltas and the marker were written. */
        APPLIED,
        /** The marker was there: nothing written. */
        ALREADY_APPLIED,
        /** No marker, but markers since {@code unmarkedSince} were dropped: nothing written. */
        UNDECIDABLE
    }
}
