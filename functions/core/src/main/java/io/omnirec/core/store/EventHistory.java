package io.omnirec.core.store;

import io.omnirec.core.domain.ShopperEvent;

import java.util.function.Consumer;

/** A stream of events that can be read again from the start; jobs that need several passes read it several times. */
@FunctionalInterface
public interface EventHistory {

    /** Visits every event, in no particular order. */
    void forEach(Consumer<ShopperEvent> visitor);

    /** The events about an item (not searches): what the aggregates and training learn from. */
    default EventHistory withItems() {
        return visitor -> forEach(event -> {
            if (event.itemId() != null) {
                visitor.accept(event);
            }
        });
    }
}
