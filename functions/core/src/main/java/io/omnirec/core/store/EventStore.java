package io.omnirec.core.store;

import io.omnirec.core.domain.ShopperEvent;

import java.util.Optional;

/** The log of accepted shopper events, keyed by the client's event id. */
public interface EventStore extends EventHistory {

    /** Stores the event unless one with the same id exists; returns false for such a duplicate. */
    boolean putIfAbsent(ShopperEvent event);

    Optional<ShopperEvent> get(String eventId);

    /** Removes an event; used to undo a put whose feature update failed, so that a retry is not a duplicate. */
    void delete(String eventId);
}
