package io.omnirec.core.store.memory;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Events in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryEventStore implements EventStore {
    private final Map<String, ShopperEvent> events = new ConcurrentHashMap<>();

    @Override
    public boolean putIfAbsent(ShopperEvent event) {
        return events.putIfAbsent(event.eventId(), event) == null;
    }

    @Override
    public Optional<ShopperEvent> get(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public void delete(String eventId) {
        events.remove(eventId);
    }

    @Override
    public void forEach(Consumer<ShopperEvent> visitor) {
        events.values().forEach(visitor);
    }
}
