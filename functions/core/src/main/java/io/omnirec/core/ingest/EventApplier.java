package io.omnirec.core.ingest;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.StoredEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives one interaction event its effect on the shopper's state exactly once, whatever fails and whenever it is sent
 * again, without transactions:
 * <ol>
 *   <li>the log stores the event {@code PENDING}, leased to this request for the time it has left to run
 *   ({@link EventStore#claim});</li>
 *   <li>one conditional write adds its deltas and a marker of its id to the shopper's state, skipped when the marker is
 *   there ({@link FeatureStore#applyOnce});</li>
 *   <li>the log marks it {@code APPLIED}.</li>
 * </ol>
 * A crash or a failed write between the steps leaves the event {@code PENDING}: a resend (or {@link EventRepair})
 * takes it over once the lease expired and repeats step 2, whose marker tells whether the first try landed. Markers are
 * bounded per shopper; when the ones that could decide were dropped, the event is marked {@code UNRESOLVED} instead of
 * risking a second count. The same id with a different event is a conflict.
 */
public final class EventApplier {
    /** Margin for clocks of different instances when comparing a marker floor to an event's storage time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(EventApplier.class.getName());

    private final EventStore events;
    private final FeatureStore features;
    private final ImpressionStore impressions;
    private final Clock clock;

    /**
     * @param impressions where the answers are kept that events carrying a {@code recommendationId} are credited to
     */
    public EventApplier(EventStore events, FeatureStore features, ImpressionStore impressions, Clock clock) {
        this.events = events;
        this.features = features;
        this.impressions = impressions;
        this.clock = clock;
    }

    /**
     * Stores and applies an event sent by a client (a live event or an import row).
     *
     * @param lease how long this request may still be running: a resend waits that long before taking over
     */
    public EventResult accept(int index, ShopperEvent event, Optional<CatalogItem> item, Duration lease) {
        Instant now = clock.instant();
        Optional<StoredEvent> existing;
        try {
            existing = events.claim(event, now, now.plus(lease));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "storing event " + event.eventId() + " failed", e);
            return failed(index, event, "the event was not stored; resend it");
        }
        if (existing.isEmpty()) {
            return takeEffect(index, event, item, now, null);
        }
        StoredEvent stored = existing.get();
        if (!stored.event().equals(event)) {
            return new EventResult(index, event.eventId(), EventResult.Status.CONFLICT, "event_conflict",
                    "eventId " + event.eventId() + " was used before by a different event; nothing changed");
        }
        return switch (stored.state()) {
            case APPLIED -> duplicate(index, event);
            case UNRESOLVED -> unresolved(index, event);
            case PENDING -> takeOver(stored, now, lease) ? takeEffect(index, event, item, now, stored.storedAt())
                    : new EventResult(index, event.eventId(), EventResult.Status.FAILED, "in_progress",
                    "the event is being applied by an earlier request; resend it after "
                            + stored.leaseUntil() + " if it is still not applied");
        };
    }

    /**
     * Applies an event left {@code PENDING} by a request that failed or died, when its lease has expired; for the
     * repair job. Returns the fate as a resend would get it, or empty when someone else holds the event.
     */
    public Optional<EventResult> repair(StoredEvent stored, Optional<CatalogItem> item, Duration lease) {
        Instant now = clock.instant();
        if (!takeOver(stored, now, lease)) {
            return Optional.empty();
        }
        return Optional.of(takeEffect(0, stored.event(), item, now, stored.storedAt()));
    }

    /** Steps 2 and 3 for an event about an item; a search has no effect on the state and is only marked. */
    private EventResult takeEffect(int index, ShopperEvent event, Optional<CatalogItem> item, Instant now,
                                   Instant storedAt) {
        return event.type().isInteraction() ? apply(index, event, item, now, storedAt) : logged(index, event);
    }

    /** An event with no effect on the state (a search): kept in the log for training, marked applied at once. */
    private EventResult logged(int index, ShopperEvent event) {
        settle(event, () -> events.markApplied(event.eventId()));
        return new EventResult(index, event.eventId(), EventResult.Status.ACCEPTED, null, null);
    }

    private boolean takeOver(StoredEvent stored, Instant now, Duration lease) {
        return stored.leaseExpired(now) && events.takeOver(stored.event().eventId(), stored.leaseUntil(),
                now.plus(lease));
    }

    /** Step 2 and 3; {@code storedAt} is null on the first try (nothing can have been applied yet). */
    private EventResult apply(int index, ShopperEvent event, Optional<CatalogItem> item, Instant now,
                              Instant storedAt) {
        EventApplication application = new EventApplication(event.eventId(), InteractionUpdate.of(event, item), now,
                storedAt == null ? null : storedAt.minus(CLOCK_SKEW));
        EventApplication.Outcome outcome;
        try {
            outcome = features.applyOnce(application);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "feature update failed for event " + event.eventId() + "; it stays pending", e);
            settle(event, () -> events.release(event.eventId()));
            return failed(index, event, "the event is stored but its effect is not confirmed; resend it: it is applied"
                    + " once");
        }
        return switch (outcome) {
            case APPLIED -> {
                settle(event, () -> events.markApplied(event.eventId()));
                if (event.recommendationId() != null) {
                    credit(event);
                }
                yield new EventResult(index, event.eventId(), EventResult.Status.ACCEPTED, null, null);
            }
            case ALREADY_APPLIED -> {
                settle(event, () -> events.markApplied(event.eventId()));
                yield duplicate(index, event);
            }
            case UNDECIDABLE -> {
                LOG.severe(() -> "event " + event.eventId() + " was pending too long to tell whether it was applied;"
                        + " marked unresolved and not applied again");
                settle(event, () -> events.markUnresolved(event.eventId()));
                yield unresolved(index, event);
            }
        };
    }

    /** Records the outcome in the log; a failure leaves it pending, and the next try reads the marker again. */
    private static void settle(ShopperEvent event, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording the state of event " + event.eventId() + " failed; it stays pending", e);
        }
    }

    /**
     * Credits the event to the answer it names. A failure here does not fail the event, whose effect on the shopper is
     * applied already: the credit is lost and logged (the event log keeps the recommendation id for a recount).
     */
    private void credit(ShopperEvent event) {
        try {
            Attribution.Outcome outcome = impressions.credit(event);
            if (outcome != Attribution.Outcome.CREDITED && outcome != Attribution.Outcome.NOT_A_RESPONSE) {
                LOG.fine(() -> "event " + event.eventId() + " not credited: " + outcome);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "crediting event " + event.eventId() + " to its recommendation failed", e);
        }
    }

    private static EventResult duplicate(int index, ShopperEvent event) {
        return new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, null, null);
    }

    private static EventResult unresolved(int index, ShopperEvent event) {
        return new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, "unresolved",
                "the event is stored, but whether it was applied could no longer be told; it is not applied again");
    }

    private static EventResult failed(int index, ShopperEvent event, String message) {
        return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error", message);
    }
}
