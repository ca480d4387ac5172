package io.omnirec.core.store.memory;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.StoredEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Events in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryEventStore implements EventStore {
    private final Map<String, StoredEvent> events = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredEvent> claim(ShopperEvent event, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(events.putIfAbsent(event.eventId(),
                new StoredEvent(event, StoredEvent.State.PENDING, now, leaseUntil)));
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
        events.remove(eventId);
    }

    @Override
    public int deleteShopperEvents(String shopperKey) {
        List<String> ids = events.values().stream().filter(e -> e.event().userId().equals(shopperKey))
                .map(e -> e.event().eventId()).toList();
        ids.forEach(events::remove);
        return ids.size();
    }

    @Override
    public void forEach(Consumer<ShopperEvent> visitor) {
        events.values().forEach(stored -> visitor.accept(stored.event()));
    }
}
