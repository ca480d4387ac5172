package io.omnirec.core.store;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        assertEquals(event(id), store.get(id).orElseThrow().event());
    }

    @Test
    void get_shouldReturnAllFields_whenOptionalFieldsAreAbsent() {
        EventStore store = newStore();
        ShopperEvent plain = new ShopperEvent("e-plain-" + UUID.randomUUID(), "u2", "i2", EventType.VIEW,
                Instant.parse("2026-11-02T10:00:00.123Z"), Channel.WEB, null, null, null);
        store.putIfAbsent(plain);
        assertEquals(plain, store.get(plain.eventId()).orElseThrow().event());
    }

    @Test
    void delete_shouldAllowTheSameIdAgain_whenErased() {
        EventStore store = newStore();
        String id = "e-" + UUID.randomUUID();
        store.putIfAbsent(event(id));
        store.delete(id);
        assertTrue(store.get(id).isEmpty());
        assertTrue(store.putIfAbsent(event(id)));
    }

    @Test
    void window_shouldVisitEveryEventOfTheWindowOnce_acrossMonthsAndWhateverTheirState() {
        EventStore store = newStore();
        String run = UUID.randomUUID().toString();
        Instant from = Instant.parse("2025-12-31T23:00:00Z");
        Instant to = Instant.parse("2026-03-01T00:00:00Z");
        Set<String> inside = new HashSet<>();
        List<ShopperEvent> all = new java.util.ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Instant at = from.minusSeconds(7_200).plusSeconds(i * 23_000L);
            ShopperEvent event = new ShopperEvent("w-" + i + "-" + run, "u" + (i % 7), "i" + (i % 11),
                    EventType.VIEW, at, Channel.WEB, null, null, null);
            all.add(event);
            if (!at.isBefore(from) && at.isBefore(to)) {
                inside.add(event.eventId());
            }
        }
        store.storeApplied(all.subList(0, 200), from);
        for (ShopperEvent event : all.subList(200, 240)) {
            store.claim(event, from, from.plusSeconds(30));
        }
        List<String> seen = new java.util.ArrayList<>();
        store.window(from, to).forEach(e -> {
            if (e.eventId().endsWith(run)) {
                seen.add(e.eventId());
            }
        });
        assertEquals(inside, new HashSet<>(seen));
        assertEquals(inside.size(), seen.size(), "each once");
        assertTrue(inside.size() > 150 && inside.size() < 240, "the window cuts both ends: " + inside.size());
    }

    @Test
    void claim_shouldLeaseTheEventUntilTakenOverAndListItAsPendingUntilApplied() {
        EventStore store = newStore();
        String id = "e-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-11-29T12:00:00.123Z");
        Instant lease = now.plusSeconds(30);
        assertTrue(store.claim(event(id), now, lease).isEmpty());
        StoredEvent stored = store.claim(event(id), now.plusSeconds(1), lease.plusSeconds(1)).orElseThrow();
        assertEquals(new StoredEvent(event(id), StoredEvent.State.PENDING, now, lease), stored);
        assertEquals(List.of(id), pending(store));

        assertFalse(store.takeOver(id, now, lease.plusSeconds(60)), "only the lease as read can be taken over");
        assertTrue(store.takeOver(id, lease, lease.plusSeconds(60)));
        assertFalse(store.takeOver(id, lease, lease.plusSeconds(90)), "taken once");
        store.release(id);
        assertEquals(Instant.EPOCH, store.get(id).orElseThrow().leaseUntil());

        store.markApplied(id);
        assertEquals(StoredEvent.State.APPLIED, store.get(id).orElseThrow().state());
        assertEquals(List.of(), pending(store), "the pending list holds only what needs repair");
        assertFalse(store.takeOver(id, Instant.EPOCH, lease), "an applied event is never taken over");
    }

    @Test
    void markUnresolved_shouldTakeTheEventOffThePendingList() {
        EventStore store = newStore();
        String id = "e-" + UUID.randomUUID();
        store.claim(event(id), Instant.parse("2026-11-29T12:00:00Z"), Instant.parse("2026-11-29T12:00:30Z"));
        store.markUnresolved(id);
        assertEquals(StoredEvent.State.UNRESOLVED, store.get(id).orElseThrow().state());
        assertEquals(List.of(), pending(store));
    }

    private static List<String> pending(EventStore store) {
        List<String> ids = new ArrayList<>();
        store.forEachPending(e -> ids.add(e.event().eventId()));
        return ids;
    }

    @Test
    void deleteShopperEvents_shouldRemoveOnlyThatShoppersEvents() {
        EventStore store = newStore();
        String mine = "e-" + UUID.randomUUID();
        store.putIfAbsent(event(mine));
        ShopperEvent other = new ShopperEvent("e-" + UUID.randomUUID(), "u2", "i2", EventType.VIEW,
                Instant.parse("2026-11-02T10:00:00Z"), Channel.WEB, null, null, null);
        store.putIfAbsent(other);
        assertEquals(1, store.deleteShopperEvents("u1"));
        assertTrue(store.get(mine).isEmpty());
        assertTrue(store.get(other.eventId()).isPresent());
        assertEquals(0, store.deleteShopperEvents("u1"));
    }

    @Test
    void get_shouldReturnTheDetails_andEventsWithoutAnItem() {
        EventStore store = newStore();
        ShopperEvent purchase = new ShopperEvent("e-d-" + UUID.randomUUID(), "u3", "i3", EventType.PURCHASE,
                Instant.parse("2026-11-02T10:00:00Z"), Channel.STORE, "store-1", null, null,
                new io.omnirec.core.domain.EventDetails(3, 2.49, "order-9", null, null, java.util.Map.of("till", "2")));
        ShopperEvent search = new ShopperEvent("e-s-" + UUID.randomUUID(), "u3", null, EventType.SEARCH,
                Instant.parse("2026-11-02T10:01:00Z"), Channel.APP, null, null, null,
                new io.omnirec.core.domain.EventDetails(1, null, null, null, "oat milk", java.util.Map.of()));
        store.putIfAbsent(purchase);
        store.putIfAbsent(search);
        assertEquals(purchase, store.get(purchase.eventId()).orElseThrow().event());
        assertEquals(search, store.get(search.eventId()).orElseThrow().event());
    }

    @Test
    void storeApplied_shouldStoreEventsAppliedAndFindThemByIdAndByShopper() {
        EventStore store = newStore();
        String shopper = "bulk-" + UUID.randomUUID();
        List<ShopperEvent> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(new ShopperEvent(shopper + "-e" + i, i < 40 ? shopper : shopper + "-other", "i" + i,
                    EventType.VIEW, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i), Channel.WEB, null, null,
                    null));
        }
        Instant storedAt = Instant.parse("2026-11-29T12:00:00Z");

        store.storeApplied(batch, storedAt);

        List<String> ids = new ArrayList<>(batch.stream().map(ShopperEvent::eventId).toList());
        ids.add("missing-" + UUID.randomUUID());
        java.util.Map<String, StoredEvent> found = store.find(ids);
        assertEquals(60, found.size(), "every stored id, and not the missing one");
        StoredEvent first = found.get(batch.get(0).eventId());
        assertEquals(batch.get(0), first.event());
        assertEquals(StoredEvent.State.APPLIED, first.state());
        assertEquals(storedAt, first.storedAt());
        List<StoredEvent> mine = store.shopperEvents(shopper);
        assertEquals(40, mine.size());
        assertEquals(new HashSet<>(batch.subList(0, 40)),
                new HashSet<>(mine.stream().map(StoredEvent::event).toList()));
        assertEquals(List.of(), store.shopperEvents("nobody-" + UUID.randomUUID()));
    }

    @Test
    void shopperEvents_shouldListPendingEventsWithTheirState() {
        EventStore store = newStore();
        String shopper = "claimed-" + UUID.randomUUID();
        ShopperEvent claimed = new ShopperEvent(shopper + "-e", shopper, "i1", EventType.PURCHASE,
                Instant.parse("2026-11-01T10:00:00Z"), Channel.WEB, null, null, null);
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        store.claim(claimed, now, now.plusSeconds(30));

        List<StoredEvent> listed = store.shopperEvents(shopper);

        assertEquals(1, listed.size());
        assertEquals(StoredEvent.State.PENDING, listed.get(0).state());
        assertEquals(now.plusSeconds(30), listed.get(0).leaseUntil());
    }
}
