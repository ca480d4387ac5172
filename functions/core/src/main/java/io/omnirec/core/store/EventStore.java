package io.omnirec.core.store;

import io.omnirec.core.domain.ShopperEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The log of accepted shopper events, keyed by the client's event id. Each event goes {@code PENDING} (stored, leased to
 * the request applying it) to {@code APPLIED}; see {@link StoredEvent}. Every method is one single-item write or read,
 * so no transaction is needed.
 */
public interface EventStore {

    /**
     * How long the log keeps an event after its time (the deployed table's TTL), and so how far back the batch jobs read
     * it ({@link #window}).
     */
    Duration HISTORY = Duration.ofDays(400);

    /**
     * The events whose time lies in {@code [from, to)}, read through an index on event time in bounded memory: what
     * the aggregates build and training read, never a scan of the table.
     */
    EventHistory window(Instant from, Instant to);

    /**
     * What a batch job running at {@code now} reads: the {@link #HISTORY} before it, and events stamped up to a day
     * ahead of it (the clock skew the live API accepts).
     */
    default EventHistory history(Instant now) {
        return window(now.minus(HISTORY), now.plus(Duration.ofDays(1)).plusMillis(1));
    }

    /**
     * Stores the event as {@code PENDING}, leased to the caller until {@code leaseUntil}, unless the id is taken: then
     * nothing is written and the stored event is returned.
     */
    Optional<StoredEvent> claim(ShopperEvent event, Instant now, Instant leaseUntil);

    /**
     * Stores an event whose effect is not to be applied by the log's owner (history for training and tests): it is
     * {@code APPLIED} from the start. False when the id is taken.
     */
    default boolean putIfAbsent(ShopperEvent event) {
        if (claim(event, Instant.EPOCH, Instant.EPOCH).isPresent()) {
            return false;
        }
        markApplied(event.eventId());
        return true;
    }

    Optional<StoredEvent> get(String eventId);

    /** The stored events among {@code eventIds} (strongly consistent), by id; ids not stored are left out. */
    Map<String, StoredEvent> find(Collection<String> eventIds);

    /**
     * Stores events of a history import {@code APPLIED} from the start, in bulk and unconditionally: the caller has
     * found their ids free ({@link #find}), and their effect reaches the shoppers' states by a rebuild from the log
     * ({@link RebuildQueue}), not one by one.
     */
    void storeApplied(List<ShopperEvent> events, Instant storedAt);

    /** Every stored event of one shopper key (a shopper or an anonymous session), through an index. */
    List<StoredEvent> shopperEvents(String shopperKey);

    /**
     * Takes over a {@code PENDING} event whose lease expired: true when the lease still read {@code expected} (no one
     * else took it meanwhile), and it is now the caller's until {@code leaseUntil}.
     */
    boolean takeOver(String eventId, Instant expected, Instant leaseUntil);

    /** Ends the lease of a {@code PENDING} event now, so that a resend may apply it without waiting. */
    void release(String eventId);

    /** The event's effect is in the shopper's state: {@code APPLIED}. */
    void markApplied(String eventId);

    /** The event can no longer be proven applied or not: {@code UNRESOLVED}, never applied again. */
    void markUnresolved(String eventId);

    /** Visits the {@code PENDING} events, for the repair job (through an index, never a scan of the whole log). */
    void forEachPending(Consumer<StoredEvent> visitor);

    /** Removes an event. */
    void delete(String eventId);

    /** Removes every event of a shopper key (erasure), through an index; returns how many. */
    int deleteShopperEvents(String shopperKey);
}
