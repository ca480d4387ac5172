package io.omnirec.core.store.memory;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventHistory;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.StoredEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Events in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryEventStore implements EventStore, EventHistory {
    private final Map<String, StoredEvent> events = new ConcurrentHashMap<>();
    /** Event ids per shopper key, as the table's index finds them. */
    private final Map<String, Set<String>> byShopper = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredEvent> claim(ShopperEvent event, Instant now, Instant leaseUntil) {
        StoredEvent existing = events.putIfAbsent(event.eventId(),
                new StoredEvent(event, StoredEvent.State.PENDING, now, leaseUntil));
        if (existing == null) {
            index(event);
        }
        return Optional.ofNullable(existing);
    }

    @Override
    public Map<String, StoredEvent> find(Collection<String> eventIds) {
        Map<String, StoredEvent> found = new HashMap<>();
        eventIds.forEach(id -> {
            StoredEvent stored = events.get(id);
            if (stored != null) {
                found.put(id, stored);
            }
        });
        return found;
    }

    @Override
    public void storeApplied(List<ShopperEvent> batch, Instant storedAt) {
        batch.forEach(event -> {
            events.put(event.eventId(), new StoredEvent(event, StoredEvent.State.APPLIED, storedAt, Instant.EPOCH));
            index(event);
        });
    }

    @Override
    public List<StoredEvent> shopperEvents(String shopperKey) {
        return byShopper.getOrDefault(shopperKey, Set.of()).stream().map(events::get).filter(Objects::nonNull)
                .toList();
    }

    private void index(ShopperEvent event) {
        byShopper.computeIfAbsent(event.userId(), k -> ConcurrentHashMap.newKeySet()).add(event.eventId());
    }

    @Override
    public Optional<StoredEvent> get(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public boolean takeOver(String eventId, Instant expected, Instant leaseUntil) {
        boolean[] taken = {false};
        events.computeIfPresent(eventId, (id, stored) -> {
            if (stored.state() != StoredEvent.State.PENDING || !stored.leaseUntil().equals(expected)) {
                return stored;
            }
            taken[0] = true;
            return new StoredEvent(stored.event(), stored.state(), stored.storedAt(), leaseUntil);
        });
        return taken[0];
    }

    @Override
    public void release(String eventId) {
        events.computeIfPresent(eventId, (id, stored) -> stored.state() != StoredEvent.State.PENDING ? stored
                : new StoredEvent(stored.event(), stored.state(), stored.storedAt(), Instant.EPOCH));
    }

    @Override
    public void markApplied(String eventId) {
        events.computeIfPresent(eventId, (id, stored) ->
                new StoredEvent(stored.event(), StoredEvent.State.APPLIED, stored.storedAt(), Instant.EPOCH));
    }

    @Override
    public void markUnresolved(String eventId) {
        events.computeIfPresent(eventId, (id, stored) ->
                new StoredEvent(stored.event(), StoredEvent.State.UNRESOLVED, stored.storedAt(), Instant.EPOCH));
    }

    @Override
    public void forEachPending(Consumer<StoredEvent> visitor) {
        List.copyOf(events.values()).stream().filter(e -> e.state() == StoredEvent.State.PENDING).forEach(visitor);
    }

    @Override
    public void delete(String eventId) {
        StoredEvent removed = events.remove(eventId);
        if (removed != null) {
            byShopper.getOrDefault(removed.event().userId(), Set.of()).remove(eventId);
        }
    }

    @Override
    public int deleteShopperEvents(String shopperKey) {
        List<String> ids = List.copyOf(byShopper.getOrDefault(shopperKey, Set.of()));
        ids.forEach(this::delete);
        return ids.size();
    }

    @Override
    public EventHistory window(Instant from, Instant to) {
        return visitor -> forEach(event -> {
            if (!event.timestamp().isBefore(from) && event.timestamp().isBefore(to)) {
                visitor.accept(event);
            }
        });
    }

    @Override
    public void forEach(Consumer<ShopperEvent> visitor) {
        events.values().forEach(stored -> visitor.accept(stored.event()));
    }
}
