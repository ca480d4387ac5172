package io.omnirec.core.ingest;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.StateRevision;
import io.omnirec.core.store.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rebuilds shoppers' states from the event log: every stored event of the shopper (and of the sessions merged into
 * it) is replayed in time order with the same deltas ingest applies ({@link InteractionUpdate}), and the result
 * replaces the state unless a live event changed it meanwhile (then it reads and replays again). A replay counts each
 * stored event exactly once, whatever was applied before, so it is safe to repeat; this is how the bulk history import
 * gives thousands of rows their effect with one write per shopper instead of three per row.
 *
 * <p>Live events and a rebuild meet safely: an event still {@code PENDING} when the rebuild reads it is counted and
 * its marker written with the state, so the request applying it finds the marker and does not apply it again; an
 * event applied after the read moves the state's version on and the rebuild starts over. The log's index by shopper may
 * lag a write by a moment, so an event the state holds a marker for, or the caller knows it stored, but the index did
 * not list is read by its id.
 * Catalog items are read once per run ({@link Run}).
 */
public final class StateRebuild {
    /** How often a rebuild starts over when live events keep changing the state before it is written. */
    static final int ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(StateRebuild.class.getName());

    private final EventStore events;
    private final FeatureStore features;

    public StateRebuild(EventStore events, FeatureStore features) {
        this.events = events;
        this.features = features;
    }

    /** A series of rebuilds that share the catalog items they read. */
    public Run run() {
        return new Run();
    }

    /** Rebuilds with a catalog cache of their own; safe to use from several threads. */
    public final class Run {
        private final Map<String, Optional<CatalogItem>> catalog = new ConcurrentHashMap<>();

        private Run() {
        }

        /**
         * Rebuilds each shopper on {@code executor}; returns the shoppers whose rebuild failed (a store error, or the
         * state kept changing), for the caller to leave queued.
         *
         * @param shoppers each shopper's key with the ids of events the caller knows are stored for it (the log's
         *                 index may not list them yet), or none
         */
        public Set<String> rebuildAll(Map<String, ? extends Collection<String>> shoppers, Executor executor) {
            Set<String> failed = ConcurrentHashMap.newKeySet();
            CompletableFuture.allOf(shoppers.entrySet().stream().map(shopper -> CompletableFuture.runAsync(() -> {
                if (!rebuild(shopper.getKey(), shopper.getValue())) {
                    failed.add(shopper.getKey());
                }
            }, executor)).toArray(CompletableFuture[]::new)).join();
            return failed;
        }

        /** {@link #rebuild(String, Collection)} with no event known beforehand. */
        public boolean rebuild(String shopperKey) {
            return rebuild(shopperKey, List.of());
        }

        /**
         * True once the shopper's state equals a replay of the log; false when it could not be written.
         *
         * @param known ids of events stored for the shopper that the index might not list yet: read by id if not
         */
        public boolean rebuild(String shopperKey, Collection<String> known) {
            try {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    StateRevision read = features.readRevision(shopperKey);
                    List<StoredEvent> log = log(read, known);
                    if (read.version() == StateRevision.ABSENT && log.isEmpty()) {
                        // nothing to rebuild (an erased shopper a queue entry still named): write nothing for them
                        return true;
                    }
                    if (features.replaceState(read, replay(shopperKey, log), pendingMarkers(shopperKey, log))) {
                        return true;
                    }
                }
                LOG.warning(() -> "the state of " + io.omnirec.core.domain.Identifiers.pseudonym(shopperKey)
                        + " kept changing during " + ATTEMPTS + " rebuilds; left for the repair job");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "rebuilding the state of "
                        + io.omnirec.core.domain.Identifiers.pseudonym(shopperKey) + " failed", e);
            }
            return false;
        }

        /** The shopper's stored events and those of the sessions merged into it, each once. */
        private List<StoredEvent> log(StateRevision read, Collection<String> known) {
            Map<String, StoredEvent> log = new HashMap<>();
            events.shopperEvents(read.shopperKey()).forEach(stored -> log.put(stored.event().eventId(), stored));
            read.sessions().forEach(session -> events.shopperEvents(ShopperKeys.session(session))
                    .forEach(stored -> log.put(stored.event().eventId(), stored)));
            Set<String> unlisted = new HashSet<>(read.markers().keySet());
            unlisted.addAll(known);
            unlisted.removeAll(log.keySet());
            if (!unlisted.isEmpty()) {
                log.putAll(events.find(unlisted));
            }
            return new ArrayList<>(log.values());
        }

        /** The state the log's events make, applied in time order (ties by event id). */
        private UserState replay(String shopperKey, List<StoredEvent> log) {
            List<ShopperEvent> ordered = log.stream().map(StoredEvent::event).filter(e -> e.type().isInteraction())
                    .sorted(Comparator.comparing(ShopperEvent::timestamp).thenComparing(ShopperEvent::eventId))
                    .toList();
            Set<String> missing = new HashSet<>();
            ordered.forEach(e -> {
                if (!catalog.containsKey(e.itemId())) {
                    missing.add(e.itemId());
                }
            });
            if (!missing.isEmpty()) {
                Map<String, CatalogItem> found = features.items(missing);
                missing.forEach(id -> catalog.put(id, Optional.ofNullable(found.get(id))));
            }
            UserState.Builder state = new UserState.Builder(UserState.empty(shopperKey));
            ordered.forEach(e -> state.add(InteractionUpdate.of(e, catalog.get(e.itemId()))));
            return state.build();
        }
    }

    /** Markers for the shopper's own events that a request may still be applying: they are counted now. */
    private static Map<String, Instant> pendingMarkers(String shopperKey, List<StoredEvent> log) {
        Map<String, Instant> markers = new HashMap<>();
        log.stream().filter(stored -> stored.state() == StoredEvent.State.PENDING)
                .filter(stored -> stored.event().userId().equals(shopperKey))
                .forEach(stored -> markers.put(stored.event().eventId(), stored.storedAt()));
        return markers;
    }
}
