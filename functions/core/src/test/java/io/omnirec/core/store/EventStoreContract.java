package io.omnirec.core.store;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link EventStore} must do; run against each implementation. */
public abstract class EventStoreContract {

    /** A store that holds nothing yet. */
    protected abstract EventStore newStore();

    static ShopperEvent event(String id) {
        return new ShopperEvent(id, "u1", "i1", EventType.PURCHASE, Instant.parse("2026-11-01T10:00:00Z"),
                Channel.STORE, "store-01", "sess-1", "rec-1");
    }

    @Test
    void putIfAbsent_shouldStoreOnce_whenSameIdArrivesTwice() {
        EventStore store = newStore();
        String id = "e-" + UUID.randomUUID();
        assertTrue(store.putIfAbsent(event(id)));
        assertFalse(store.putIfAbsent(event(id)));
        assertEquals(event(id), store.get(id).orElseThrow());
    }

    @Test
    void get_shouldReturnAllFields_whenOptionalFieldsAreAbsent() {
        EventStore store = newStore();
        ShopperEvent plain = new ShopperEvent("e-plain-" + UUID.randomUUID(), "u2", "i2", EventType.VIEW,
                Instant.parse("2026-11-02T10:00:00.123Z"), Channel.WEB, null, null, null);
        store.putIfAbsent(plain);
        assertEquals(plain, store.get(plain.eventId()).orElseThrow());
    }

    @Test
    void delete_shouldAllowTheSameIdAgain_whenUndoingAPut() {
        EventStore store = newStore();
        String id = "e-" + UUID.randomUUID();
        store.putIfAbsent(event(id));
        store.delete(id);
        assertTrue(store.get(id).isEmpty());
        assertTrue(store.putIfAbsent(event(id)));
    }

    @Test
    void forEach_shouldVisitEveryEvent_whenThereAreMany() {
        EventStore store = newStore();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            String id = "many-" + i + "-" + UUID.randomUUID();
            written.add(id);
            store.putIfAbsent(event(id));
        }
        Set<String> seen = new HashSet<>();
        store.forEach(e -> seen.add(e.eventId()));
        assertTrue(seen.containsAll(written));
    }
}
