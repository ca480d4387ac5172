package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.aggregates.HeatTally;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.HeatCounters;
import io.omnirec.core.store.ImpressionStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts events: each valid event is stored and its effect applied to the shopper's state exactly once before the call
 * returns, so the next recommendation sees it ({@link EventApplier}: a failure leaves it pending, and a resend or the
 * repair job applies it once). The same id sent again with a different event is a {@code CONFLICT}, never a silent
 * duplicate. An {@code identify} event merges an anonymous session's state into the shopper's. An event that carries a
 * {@code recommendationId} is then credited to that answer ({@link ImpressionStore#credit}).
 */
public final class IngestService {
    /** How long a request is assumed to run when the caller cannot say (the functions' timeout). */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(IngestService.class.getName());

    private final FeatureStore features;
    private final EventValidator validator;
    private final EventApplier applier;
    private final StateRebuild rebuild;
    private final Executor executor;
    private final HeatCounters heat;
    private final Clock clock;

    /** Stores the events of a request one after another. */
    public IngestService(EventStore events, FeatureStore features, ImpressionStore impressions,
                         EventValidator validator) {
        this(events, features, impressions, validator, Runnable::run, Clock.systemUTC());
    }

    /**
     * Stores the events of a request concurrently on {@code executor}. Safe because every write is a single-item
     * conditional put or an additive update, which commute.
     *
     * @param impressions where the answers are kept that events carrying a {@code recommendationId} are credited to
     * @param clock       the server time of storage, leases and markers
     */
    public IngestService(EventStore events, FeatureStore features, ImpressionStore impressions,
                         EventValidator validator, Executor executor, Clock clock) {
        this(events, features, impressions, validator, executor, clock, null);
    }

    /**
     * The same, adding each request's accepted events to the live sales heat ({@link HeatCounters}) after they are
     * applied: the live API's service. History imports leave it out; the aggregates build that follows them counts them.
     *
     * @param heat where the live heat is kept, or {@code null} for none
     */
    public IngestService(EventStore events, FeatureStore features, ImpressionStore impressions,
                         EventValidator validator, Executor executor, Clock clock, HeatCounters heat) {
        this.features = features;
        this.heat = heat;
        this.clock = clock;
        this.validator = validator;
        this.applier = new EventApplier(events, features, impressions, clock);
        this.rebuild = new StateRebuild(events, features);
        this.executor = executor;
    }

    /** The same as {@link #ingest(List, Duration)} with {@link #DEFAULT_LEASE}. */
    public List<EventResult> ingest(List<JsonNode> rawEvents) {
        return ingest(rawEvents, DEFAULT_LEASE);
    }

    /** @param lease how long the calling request may still run (a Lambda's remaining time) */
    public List<EventResult> ingest(List<JsonNode> rawEvents, Duration lease) {
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
        Map<String, CatalogItem> catalog;
        try {
            catalog = itemIds.isEmpty() ? Map.of() : features.items(itemIds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the catalog for " + valid.size() + " events failed; none was stored", e);
            for (int v = 0; v < valid.size(); v++) {
                results.set(validIndexes.get(v), new EventResult(validIndexes.get(v), valid.get(v).eventId(),
                        EventResult.Status.FAILED, "storage_error", "the event was not stored; resend it"));
            }
            return results;
        }
        Map<String, CompletableFuture<EventResult>> firsts = new HashMap<>();
        Map<String, ShopperEvent> firstEvents = new LinkedHashMap<>();
        List<Integer> repeats = new ArrayList<>();
        for (int v = 0; v < valid.size(); v++) {
            int index = validIndexes.get(v);
            ShopperEvent event = valid.get(v);
            if (firstEvents.putIfAbsent(event.eventId(), event) != null) {
                repeats.add(v);
                continue;
            }
            firsts.put(event.eventId(), CompletableFuture.supplyAsync(() -> event.type() == EventType.IDENTIFY
                    ? identify(index, event)
                    : applier.accept(index, event, event.itemId() == null ? Optional.empty()
                    : Optional.ofNullable(catalog.get(event.itemId())), lease), executor));
        }
        firsts.values().forEach(future -> {
            EventResult result = future.join();
            results.set(result.index(), result);
        });
        addHeat(firstEvents, firsts, catalog);
        for (int v : repeats) {
            ShopperEvent event = valid.get(v);
            results.set(validIndexes.get(v), repeatInBatch(validIndexes.get(v), event,
                    firstEvents.get(event.eventId()), firsts.get(event.eventId()).join()));
        }
        return results;
    }

    /**
     * Adds the accepted events about catalog items to the live heat with one write. A failure is logged and dropped:
     * the events are applied, and the next aggregates build counts them from the log.
     */
    private void addHeat(Map<String, ShopperEvent> events, Map<String, CompletableFuture<EventResult>> fates,
                         Map<String, CatalogItem> catalog) {
        if (heat == null) {
            return;
        }
        List<ShopperEvent> accepted = new ArrayList<>();
        events.forEach((id, event) -> {
            if (event.itemId() != null && catalog.containsKey(event.itemId())
                    && fates.get(id).join().status() == EventResult.Status.ACCEPTED) {
                accepted.add(event);
            }
        });
        HeatTally tally = HeatTally.of(accepted);
        if (tally.isEmpty()) {
            return;
        }
        try {
            heat.add(clock.instant(), tally);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped the live heat of " + accepted.size() + " events", e);
        }
    }

    /** An id seen earlier in the same request: that occurrence's fate decides, without another write. */
    private static EventResult repeatInBatch(int index, ShopperEvent event, ShopperEvent first, EventResult fate) {
        if (!first.equals(event)) {
            return new EventResult(index, event.eventId(), EventResult.Status.CONFLICT, "event_conflict",
                    "eventId " + event.eventId() + " is used earlier in this request by a different event");
        }
        return fate.status() == EventResult.Status.ACCEPTED
                ? new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, null, null)
                : new EventResult(index, event.eventId(), fate.status(), fate.code(), fate.message());
    }

    /**
     * Merges the session into the shopper. Not stored in the event log: the shopper's list of merged sessions makes a
     * resend a duplicate, and the events it merges are logged already. A session too large for one write is counted by
     * rebuilding the shopper from the log, which a resend repeats until it succeeds.
     */
    private EventResult identify(int index, ShopperEvent event) {
        try {
            return switch (features.mergeSession(event.sessionId(), event.userId())) {
                case MERGED -> new EventResult(index, event.eventId(), EventResult.Status.ACCEPTED, null, null);
                case LINKED -> rebuild.run().rebuild(event.userId())
                        ? new EventResult(index, event.eventId(), EventResult.Status.ACCEPTED, null, null)
                        : new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                        "the session is linked to the shopper but not yet counted; resend the event");
                case ALREADY_MERGED -> new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, null, null);
                case OTHER_SHOPPER -> new EventResult(index, event.eventId(), EventResult.Status.REJECTED,
                        "session_already_identified", "the session was identified as another shopper");
                case FULL -> new EventResult(index, event.eventId(), EventResult.Status.REJECTED,
                        "too_many_sessions", "the shopper has " + FeatureStore.SESSION_BYTES_LIMIT
                        + " bytes of merged session ids, the most a shopper keeps; the session stays anonymous");
            };
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "merging session " + Identifiers.pseudonym(event.sessionId()) + " failed", e);
            return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                    "the session was not merged; resend the event");
        }
    }

    private static String readableId(JsonNode node) {
        JsonNode id = node == null ? null : node.get("eventId");
        return id != null && id.isTextual() && io.omnirec.core.domain.Identifiers.isValid(id.asText()) ? id.asText() : null;
    }
}
