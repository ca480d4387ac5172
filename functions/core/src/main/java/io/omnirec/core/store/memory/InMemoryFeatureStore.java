package io.omnirec.core.store.memory;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ShopperContext;
import io.omnirec.core.store.StateRevision;
import io.omnirec.core.store.StoreStock;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Features in maps; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryFeatureStore implements FeatureStore {
    private final Map<String, CatalogItem> items = new TreeMap<>();
    private final Map<String, Customer> customers = new TreeMap<>();
    private final Map<String, UserState> users = new HashMap<>();
    private final Map<String, Set<String>> outOfStock = new HashMap<>();
    private final Map<String, String> storeNames = new HashMap<>();
    private final Map<String, String> sessionOwners = new HashMap<>();
    private final Map<String, Map<String, Instant>> markers = new HashMap<>();
    private final Map<String, Instant> markerFloors = new HashMap<>();
    /** Moves on with every write to a shopper's state, as {@link StateRevision#version()} requires. */
    private final Map<String, Long> versions = new HashMap<>();

    @Override
    public synchronized void upsertItems(List<CatalogItem> batch) {
        batch.forEach(item -> items.put(item.itemId(), item));
    }

    @Override
    public synchronized void upsertCustomers(List<Customer> batch) {
        batch.forEach(customer -> customers.put(customer.userId(), customer));
    }

    @Override
    public synchronized Map<String, CatalogItem> items(Collection<String> itemIds) {
        Map<String, CatalogItem> found = new HashMap<>();
        itemIds.stream().filter(items::containsKey).forEach(id -> found.put(id, items.get(id)));
        return found;
    }

    @Override
    public synchronized void deleteItem(String itemId) {
        items.remove(itemId);
    }

    @Override
    public synchronized Optional<Customer> customer(String userId) {
        return Optional.ofNullable(customers.get(userId));
    }

    @Override
    public synchronized Set<String> mergedSessions(String userId) {
        Set<String> sessions = new java.util.TreeSet<>();
        sessionOwners.forEach((session, owner) -> {
            if (owner.equals(userId)) {
                sessions.add(session);
            }
        });
        return sessions;
    }

    @Override
    public synchronized boolean erase(String shopperKey) {
        boolean found = customers.remove(shopperKey) != null | users.remove(shopperKey) != null
                | markers.remove(shopperKey) != null;
        markerFloors.remove(shopperKey);
        versions.remove(shopperKey);
        Optional<String> session = ShopperKeys.sessionId(shopperKey);
        if (session.isPresent()) {
            found |= sessionOwners.remove(session.get()) != null;
        } else {
            sessionOwners.values().removeIf(shopperKey::equals);
        }
        return found;
    }

    @Override
    public synchronized void forEachItem(Consumer<CatalogItem> visitor) {
        List.copyOf(items.values()).forEach(visitor);
    }

    @Override
    public synchronized void forEachCustomer(Consumer<Customer> visitor) {
        List.copyOf(customers.values()).forEach(visitor);
    }

    @Override
    public synchronized void apply(InteractionUpdate update) {
        versions.merge(update.userId(), 1L, Long::sum);
        users.put(update.userId(), users.getOrDefault(update.userId(), UserState.empty(update.userId())).plus(update));
    }

    @Override
    public synchronized EventApplication.Outcome applyOnce(EventApplication application) {
        String userId = application.update().userId();
        Map<String, Instant> applied = markers.computeIfAbsent(userId, u -> new HashMap<>());
        if (applied.containsKey(application.eventId())) {
            return EventApplication.Outcome.ALREADY_APPLIED;
        }
        Instant floor = markerFloors.get(userId);
        if (application.unmarkedSince() != null && floor != null && !floor.isBefore(application.unmarkedSince())) {
            return EventApplication.Outcome.UNDECIDABLE;
        }
        apply(application.update());
        applied.put(application.eventId(), application.appliedAt());
        if (applied.size() > MARKER_LIMIT + MARKER_SLACK) {
            List<Map.Entry<String, Instant>> oldest = applied.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .limit(applied.size() - MARKER_LIMIT).toList();
            oldest.forEach(entry -> {
                applied.remove(entry.getKey());
                markerFloors.merge(userId, entry.getValue(), (a, b) -> a.isAfter(b) ? a : b);
            });
        }
        return EventApplication.Outcome.APPLIED;
    }

    @Override
    public synchronized StateRevision readRevision(String shopperKey) {
        long version = users.containsKey(shopperKey) || markers.containsKey(shopperKey)
                ? versions.getOrDefault(shopperKey, 0L) : StateRevision.ABSENT;
        Optional<String> session = ShopperKeys.sessionId(shopperKey);
        return new StateRevision(shopperKey, version, markers.getOrDefault(shopperKey, Map.of()),
                markerFloors.get(shopperKey), session.isPresent() ? Set.of() : mergedSessions(shopperKey),
                session.map(sessionOwners::get).orElse(null));
    }

    @Override
    public synchronized boolean replaceState(StateRevision read, UserState state, Map<String, Instant> newMarkers) {
        String key = read.shopperKey();
        long now = users.containsKey(key) || markers.containsKey(key) ? versions.getOrDefault(key, 0L)
                : StateRevision.ABSENT;
        if (now != read.version()) {
            return false;
        }
        users.put(key, state);
        if (!newMarkers.isEmpty() || !read.markers().isEmpty()) {
            Map<String, Instant> kept = new HashMap<>(read.markers());
            kept.putAll(newMarkers);
            markers.put(key, kept);
        }
        versions.put(key, Math.max(0, now) + 1);
        return true;
    }

    @Override
    public synchronized SessionMerge mergeSession(String sessionId, String userId) {
        String owner = sessionOwners.get(sessionId);
        if (owner != null) {
            return owner.equals(userId) ? SessionMerge.ALREADY_MERGED : SessionMerge.OTHER_SHOPPER;
        }
        int listed = mergedSessions(userId).stream().mapToInt(FeatureStore::sessionBytes).sum();
        if (listed + FeatureStore.sessionBytes(sessionId) > SESSION_BYTES_LIMIT) {
            return SessionMerge.FULL;
        }
        sessionOwners.put(sessionId, userId);
        UserState session = users.get(ShopperKeys.session(sessionId));
        if (session != null) {
            versions.merge(userId, 1L, Long::sum);
            users.put(userId, users.getOrDefault(userId, UserState.empty(userId)).merge(session));
        }
        return SessionMerge.MERGED;
    }

    @Override
    public synchronized void applyStock(List<StockLevel> levels) {
        for (StockLevel level : levels) {
            Set<String> out = outOfStock.computeIfAbsent(level.storeId(), s -> new HashSet<>());
            if (level.inStock()) {
                out.remove(level.itemId());
            } else {
                out.add(level.itemId());
            }
        }
    }

    @Override
    public synchronized void nameStores(List<io.omnirec.core.domain.Store> stores) {
        stores.forEach(store -> storeNames.put(store.storeId(), store.name()));
    }

    @Override
    public synchronized StoreStock loadStock(String storeId) {
        return new StoreStock(outOfStock.getOrDefault(storeId, Set.of()), Optional.ofNullable(storeNames.get(storeId)));
    }

    @Override
    public synchronized ShopperContext loadShopperContext(String userId, String storeId) {
        return new ShopperContext(users.getOrDefault(userId, UserState.empty(userId)),
                Optional.ofNullable(customers.get(userId)),
                storeId == null ? Set.of() : outOfStock.getOrDefault(storeId, Set.of()),
                Optional.ofNullable(storeId == null ? null : storeNames.get(storeId)));
    }
}
