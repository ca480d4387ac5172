package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts events: each valid event is stored once (by event id) and its feature deltas applied before the call
 * returns, so the next recommendation sees it. A failure to apply undoes the store, so a resend is not a duplicate.
 * The same id sent again with a different event is a {@code CONFLICT}, never a silent duplicate. An {@code identify}
 * event merges an anonymous session's state into the shopper's. An event that carries a
 * {@code recommendationId} is then credited to that answer ({@link ImpressionStore#credit}).
 */
public final class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class.getName());

    private final EventStore events;
    private final FeatureStore features;
    private final ImpressionStore impressions;
    private final EventValidator validator;
    private final Executor executor;

    /** Stores the events of a request one after another. */
    public IngestService(EventStore events, FeatureStore features, ImpressionStore impressions,
                         EventValidator validator) {
        this(events, features, impressions, validator, Runnable::run);
    }

    /**
     * Stores the events of a request concurrently on {@code executor}. Safe because every write is a single-item
     * conditional put or an additive update, which commute.
     *
     * @param impressions where the answers are kept that events carrying a {@code recommendationId} are credited to
     */
    public IngestService(EventStore events, FeatureStore features, ImpressionStore impressions,
                         EventValidator validator, Executor executor) {
        this.events = events;
        this.features = features;
        this.impressions = impressions;
        this.validator = validator;
        this.executor = executor;
    }

    public List<EventResult> ingest(List<JsonNode> rawEvents) {
        List<EventResult> results = new ArrayList<>(rawEvents.size());
        List<ShopperEvent> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < rawEvents.size(); i++) {
            try {
                valid.add(validator.validate(rawEvents.get(i)));
                validIndexes.add(i);
                results.add(null);
            } catch (InvalidInputException e) {
                results.add(new EventResult(i, readableId(rawEvents.get(i)), EventResult.Status.REJECTED, e.code(),
                        e.getMessage()));
            }
        }
        Set<String> itemIds = new HashSet<>();
        valid.stream().filter(e -> e.itemId() != null).forEach(e -> itemIds.add(e.itemId()));
        Map<String, CatalogItem> catalog = itemIds.isEmpty() ? Map.of() : features.items(itemIds);
        List<CompletableFuture<EventResult>> stored = new ArrayList<>(valid.size());
        for (int v = 0; v < valid.size(); v++) {
            int index = validIndexes.get(v);
            ShopperEvent event = valid.get(v);
            stored.add(CompletableFuture.supplyAsync(() -> store(index, event, catalog), executor));
        }
        stored.forEach(future -> {
            EventResult result = future.join();
            results.set(result.index(), result);
        });
        return results;
    }

    private EventResult store(int index, ShopperEvent event, Map<String, CatalogItem> catalog) {
        if (event.type() == EventType.IDENTIFY) {
            return identify(index, event);
        }
        try {
            if (!events.putIfAbsent(event)) {
                return sameAsStored(event)
                        ? new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, null, null)
                        : new EventResult(index, event.eventId(), EventResult.Status.CONFLICT, "event_conflict",
                        "eventId " + event.eventId() + " was used before by a different event; nothing changed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "storing event " + event.eventId() + " failed", e);
            return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                    "the event was not stored; resend it");
        }
        try {
            features.apply(InteractionUpdate.of(event, Optional.ofNullable(catalog.get(event.itemId()))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "feature update failed for event " + event.eventId() + "; undoing the store", e);
            try {
                events.delete(event.eventId());
            } catch (RuntimeException undo) {
                // the event stays stored but unapplied: a resend is answered as a duplicate (issue 7's repair path)
                LOG.log(Level.SEVERE, "undoing the store of event " + event.eventId() + " failed too", undo);
                return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                        "the event was stored but not applied; it is kept for repair");
            }
            return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                    "the event was not stored; resend it");
        }
        if (event.recommendationId() != null) {
            credit(event);
        }
        return new EventResult(index, event.eventId(), EventResult.Status.ACCEPTED, null, null);
    }

    /** Whether the event stored under this id is this one (a resend), read only when an id repeats. */
    private boolean sameAsStored(ShopperEvent event) {
        return events.get(event.eventId()).map(event::equals).orElse(true);
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

    /**
     * Merges the session into the shopper. Not stored in the event log: the session's mark ("merged into") makes a
     * resend a duplicate, and the events it merges are logged already.
     */
    private EventResult identify(int index, ShopperEvent event) {
        try {
            return switch (features.mergeSession(event.sessionId(), event.userId())) {
                case MERGED -> new EventResult(index, event.eventId(), EventResult.Status.ACCEPTED, null, null);
                case ALREADY_MERGED -> new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, null, null);
                case OTHER_SHOPPER -> new EventResult(index, event.eventId(), EventResult.Status.REJECTED,
                        "session_already_identified", "the session was identified as another shopper");
            };
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "merging session " + event.sessionId() + " failed", e);
            return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                    "the session was not merged; resend the event");
        }
    }

    private static String readableId(JsonNode node) {
        JsonNode id = node == null ? null : node.get("eventId");
        return id != null && id.isTextual() && io.omnirec.core.domain.Identifiers.isValid(id.asText()) ? id.asText() : null;
    }
}
