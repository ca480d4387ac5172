package io.omnirec.core.store;

import io.omnirec.core.domain.ShopperEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** An event store that passes every call on; tests override the calls they make misbehave. */
public class ForwardingEventStore implements EventStore {
    protected final EventStore delegate;

    public ForwardingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    public Optional<StoredEvent> claim(ShopperEvent event, Instant now, Instant leaseUntil) {
        return delegate.claim(event, now, leaseUntil);
    }

    public Optional<StoredEvent> get(String eventId) {
        return delegate.get(eventId);
    }

    public Map<String, StoredEvent> find(Collection<String> eventIds) {
        return delegate.find(eventIds);
    }

    public void storeApplied(List<ShopperEvent> events, Instant storedAt) {
        delegate.storeApplied(events, storedAt);
    }

    public List<StoredEvent> shopperEvents(String shopperKey) {
        return delegate.shopperEvents(shopperKey);
    }

    public boolean takeOver(String eventId, Instant expected, Instant leaseUntil) {
        return delegate.takeOver(eventId, expected, leaseUntil);
    }

    public void release(String eventId) {
        delegate.release(eventId);
    }

    public void markApplied(String eventId) {
        delegate.markApplied(eventId);
    }

    public void markUnresolved(String eventId) {
        delegate.markUnresolved(eventId);
    }

    public void forEachPending(Consumer<StoredEvent> visitor) {
        delegate.forEachPending(visitor);
    }

    public void delete(String eventId) {
        delegate.delete(eventId);
    }

    public int deleteShopperEvents(String shopperKey) {
        return delegate.deleteShopperEvents(shopperKey);
    }

    public EventHistory window(Instant from, Instant to) {
        return delegate.window(from, to);
    }
}
