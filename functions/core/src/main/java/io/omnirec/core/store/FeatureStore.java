package io.omnirec.core.store;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Catalog, customer profiles and real-time shopper state. */
public interface FeatureStore {
    /** Markers of applied events kept per shopper ({@link EventApplication}); the oldest beyond it are dropped. */
    int MARKER_LIMIT = 64;
    /** How far past {@link #MARKER_LIMIT} the markers may grow before a write drops the oldest. */
    int MARKER_SLACK = 16;
    /**
     * How many bytes of merged session ids a shopper's state lists at most (for erasure and rebuilds): 64 KB, about
     * 1,800 sessions of 36-byte ids, 256 of the longest. An identify event past it is refused
     * ({@link SessionMerge#FULL}), so no client can grow a shopper's state without bound.
     */
    int SESSION_BYTES_LIMIT = 64 * 1024;

    /** The bytes a session id takes in {@link #SESSION_BYTES_LIMIT}. */
    static int sessionBytes(String sessionId) {
        return sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    void upsertItems(List<CatalogItem> items);

    void upsertCustomers(List<Customer> customers);

    /** The catalog items among {@code itemIds} that exist. */
    Map<String, CatalogItem> items(Collection<String> itemIds);

    /** Removes an item from the catalog; recommendations drop it at the next aggregates build. */
    void deleteItem(String itemId);

    /** The shopper's profile, when there is one. */
    Optional<Customer> customer(String userId);

    /** The anonymous sessions an identify event merged into this shopper (their ids, without the key prefix). */
    Set<String> mergedSessions(String userId);

    /**
     * Deletes the profile and the real-time state kept under a shopper key (a shopper id or a session's key): the
     * store's part of erasing a shopper. True when there was something to delete.
     */
    boolean erase(String shopperKey);

    /** Visits the whole catalog; for batch jobs, never the request path. */
    void forEachItem(Consumer<CatalogItem> visitor);

    /** Visits every customer profile; for batch jobs, never the request path. */
    void forEachCustomer(Consumer<Customer> visitor);

    /**
     * Adds deltas to the shopper's state with one additive write, unconditionally: for replays of a history into a
     * fresh store (training splits, evaluation, tests). Live events go through {@link #applyOnce}.
     */
    void apply(InteractionUpdate update);

    /**
     * Adds one event's deltas and its marker with one conditional write, unless the marker is there (or its absence
     * proves nothing: see {@link EventApplication#unmarkedSince()}). A write that fails leaves the state as it was or
     * fully applied, and applying again tells which.
     */
    EventApplication.Outcome applyOnce(EventApplication application);

    /** The shopper's state's version and what a rebuild must carry over; see {@link StateRevision}. */
    StateRevision readRevision(String shopperKey);

    /**
     * Replaces the shopper's state with {@code state} (rebuilt from the log), keeping the markers, floor and sessions
     * read and adding {@code newMarkers} (events the rebuild counted that a request may still be applying), unless the
     * state changed since {@code read}: then nothing is written and the answer is false.
     */
    boolean replaceState(StateRevision read, UserState state, Map<String, Instant> newMarkers);

    /**
     * Merges an anonymous session's state into the shopper's (an identify event): the session is marked as merged into
     * {@code userId} first, so that it can never be merged into another shopper; then its state is added to the
     * shopper's once (the shopper's list of merged sessions is the marker). A session never seen before is marked all
     * the same. A store may instead only link a session too large for one write ({@link SessionMerge#LINKED}).
     * Calling it again for the same shopper finishes a merge that broke off and changes nothing otherwise.
     */
    SessionMerge mergeSession(String sessionId, String userId);

    /** What {@link #mergeSession} did. */
    enum SessionMerge {
        /** The session's state was added to the shopper's. */
        MERGED,
        /** The session was merged into this shopper before; nothing changed. */
        ALREADY_MERGED,
        /**
         * The session is listed as the shopper's, but its state was too large to add in one write: the caller rebuilds
         * the shopper from the log ({@link io.omnirec.core.ingest.StateRebuild}), which counts the session's events.
         */
        LINKED,
        /** The session belongs to another shopper; nothing changed. */
        OTHER_SHOPPER,
        /**
         * The shopper lists {@link #SESSION_BYTES_LIMIT} bytes of merged sessions already; nothing changed, and the
         * session stays anonymous.
         */
        FULL
    }

    /** Records which items stores can sell now; the last level written for a store and item holds. */
    void applyStock(List<StockLevel> levels);

    /** Names stores (the last name written holds); read back with the store's stock in {@link #loadShopperContext}. */
    void nameStores(List<io.omnirec.core.domain.Store> stores);

    /**
     * The items not in stock at {@code storeId} ({@link StockLevel#ONLINE} for the web shop and app) and the store's
     * name, read in one round trip.
     */
    StoreStock loadStock(String storeId);

    /** Everything a recommendation for this shopper needs from this store, read in one round trip. */
    default ShopperContext loadShopperContext(String userId) {
        return loadShopperContext(userId, null);
    }

    /**
     * The same, plus the items not in stock at {@code storeId} ({@link StockLevel#ONLINE} for the web shop and app;
     * {@code null} for none) and the store's name, still in one round trip.
     */
    ShopperContext loadShopperContext(String userId, String storeId);
}
