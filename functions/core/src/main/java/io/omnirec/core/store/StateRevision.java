package io.omnirec.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A shopper's state as read before it is rebuilt from the event log ({@link FeatureStore#readRevision}): what a
 * rebuild must carry over (the markers of applied events, the sessions merged in) and the version that the rebuilt
 * state may replace ({@link FeatureStore#replaceState}). Every write to a state moves its version on, so a rebuild never
 * overwrites an event applied after it read.
 *
 * @param version     {@link #ABSENT} when the shopper has no state yet; otherwise the store's version of it
 * @param markers     the applied-event markers: event id to the time it was applied
 * @param markerFloor the newest time of a marker dropped so far, or {@code null}
 * @param sessions    ids of the anonymous sessions merged into this shopper (identify events)
 * @param mergedInto  for a session's own state: the shopper it was merged into, or {@code null}
 */
public record StateRevision(String shopperKey, long version, Map<String, Instant> markers, Instant markerFloor,
                            Set<String> sessions, String mergedInto) {
    /** The version of a state that does not exist. */
    public static final long ABSENT = -1;

    public StateRevision {
        markers = Map.copyOf(markers);
        sessions = Set.copyOf(sessions);
    }
}
