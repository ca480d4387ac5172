package io.omnirec.core.ingest;

import io.omnirec.core.MovableClock;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ForwardingFeatureStore;
import io.omnirec.core.store.StoredEvent;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every way an event's application can break off, and what a resend or the repair job does next: the effect lands
 * once, or (past the markers' reach) is never counted twice.
 */
class ExactlyOnceTest {
    static final Duration LEASE = Duration.ofSeconds(30);
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final EventApplier applier = new EventApplier(events, features, new InMemoryImpressionStore(), clock);
    final EventRepair repair = new EventRepair(events, features, applier);
    final CatalogItem item = new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false);

    ExactlyOnceTest() {
        features.upsertItems(List.of(item));
    }

    static ShopperEvent view(String id, String user) {
        return new ShopperEvent(id, user, "i1", EventType.VIEW, Instant.parse("2026-11-29T10:00:00Z"), Channel.WEB,
                null, null, null);
    }

    double weight(String user) {
        return features.loadShopperContext(user).state().items().getOrDefault("i1", 0.0);
    }

    EventResult send(ShopperEvent event) {
        return applier.accept(0, event, Optional.of(item), LEASE);
    }

    @Test
    void resend_shouldWaitForTheLeaseThenApplyOnce_whenTheFirstRequestDiedBetweenStoredAndApplied() {
        events.claim(view("e1", "u1"), clock.instant(), clock.instant().plus(LEASE));

        EventResult early = send(view("e1", "u1"));
        assertEquals("in_progress", early.code(), "the first request may still be running");
        assertEquals(0.0, weight("u1"));

        clock.advance(LEASE.plusSeconds(1));
        assertEquals(EventResult.Status.ACCEPTED, send(view("e1", "u1")).status());
        assertEquals(EventResult.Status.DUPLICATE, send(view("e1", "u1")).status());
        assertEquals(1.0, weight("u1"), "applied once");
        assertEquals(StoredEvent.State.APPLIED, events.get("e1").orElseThrow().state());
    }

    @Test
    void resend_shouldNotApplyAgain_whenTheFirstRequestDiedBetweenAppliedAndMarked() {
        Instant now = clock.instant();
        events.claim(view("e2", "u1"), now, now.plus(LEASE));
        features.applyOnce(new EventApplication("e2", InteractionUpdate.of(view("e2", "u1"), Optional.of(item)), now,
                null));

        clock.advance(LEASE.plusSeconds(1));
        assertEquals(EventResult.Status.DUPLICATE, send(view("e2", "u1")).status(), "its marker is there");
        assertEquals(1.0, weight("u1"));
        assertEquals(StoredEvent.State.APPLIED, events.get("e2").orElseThrow().state());
    }

    @Test
    void resend_shouldApplyOnce_whenTheWriteLandedButItsAnswerWasLost() {
        EventApplier lossy = new EventApplier(events, new LostAnswerStore(features), new InMemoryImpressionStore(),
                clock);
        EventResult first = lossy.accept(0, view("e3", "u1"), Optional.of(item), LEASE);
        assertEquals(EventResult.Status.FAILED, first.status());
        assertEquals(1.0, weight("u1"), "the write landed");

        assertEquals(EventResult.Status.DUPLICATE, send(view("e3", "u1")).status(), "released: no wait");
        assertEquals(1.0, weight("u1"), "and is not applied again");
    }

    @Test
    void repair_shouldApplyEveryStrandedEventOnce_whenClientsNeverResend() {
        Instant now = clock.instant();
        events.claim(view("never-applied", "u1"), now, now.plus(LEASE));
        events.claim(view("applied-not-marked", "u2"), now, now.plus(LEASE));
        features.applyOnce(new EventApplication("applied-not-marked",
                InteractionUpdate.of(view("applied-not-marked", "u2"), Optional.of(item)), now, null));
        events.claim(view("still-running", "u3"), now, now.plus(Duration.ofHours(1)));

        clock.advance(LEASE.plusSeconds(1));
        assertEquals(new EventRepair.Report(3, 1, 1, 0, 0, 1), repair.run(LEASE));
        assertEquals(new EventRepair.Report(1, 0, 0, 0, 0, 1), repair.run(LEASE), "a second run finds nothing new");
        assertEquals(1.0, weight("u1"));
        assertEquals(1.0, weight("u2"));
        assertEquals(0.0, weight("u3"), "left to the request holding it");
    }

    @Test
    void repair_shouldMarkUnresolvedAndNotApply_whenTheMarkersThatCouldDecideWereDropped() {
        Instant stored = clock.instant();
        events.claim(view("old", "u1"), stored, stored.plus(LEASE));
        clock.advance(Duration.ofMinutes(5));
        int later = FeatureStore.MARKER_LIMIT + FeatureStore.MARKER_SLACK + 1;
        for (int i = 0; i < later; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(EventResult.Status.ACCEPTED, send(view("later-" + i, "u1")).status());
        }

        assertEquals(new EventRepair.Report(1, 0, 0, 1, 0, 0), repair.run(LEASE));
        assertEquals(later, weight("u1"), 1e-9, "the stranded event is not guessed into the state");
        assertEquals(StoredEvent.State.UNRESOLVED, events.get("old").orElseThrow().state());
        assertEquals("unresolved", send(view("old", "u1")).code());
    }

    @Test
    void repair_shouldApplyOnce_whenMarkersWereDroppedButOnlyOlderOnes() {
        for (int i = 0; i < FeatureStore.MARKER_LIMIT + FeatureStore.MARKER_SLACK + 1; i++) {
            clock.advance(Duration.ofSeconds(1));
            send(view("early-" + i, "u1"));
        }
        clock.advance(Duration.ofMinutes(5));
        Instant stored = clock.instant();
        events.claim(view("stranded", "u1"), stored, stored.plus(LEASE));
        clock.advance(LEASE.plusSeconds(1));
        double before = weight("u1");

        assertEquals(new EventRepair.Report(1, 1, 0, 0, 0, 0), repair.run(LEASE));
        assertEquals(before + 1, weight("u1"), 1e-9);
    }

    /** A feature store whose writes land but whose answers are lost, as when a response times out. */
    private static final class LostAnswerStore extends ForwardingFeatureStore {
        LostAnswerStore(InMemoryFeatureStore delegate) {
            super(delegate);
        }

        @Override
        public EventApplication.Outcome applyOnce(EventApplication application) {
            delegate.applyOnce(application);
            throw new IllegalStateException("read timed out");
        }
    }

}
