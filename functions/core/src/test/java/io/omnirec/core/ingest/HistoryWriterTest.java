package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventDetails;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ForwardingEventStore;
import io.omnirec.core.store.ForwardingFeatureStore;
import io.omnirec.core.store.StateRevision;
import io.omnirec.core.store.StoredEvent;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import io.omnirec.core.store.memory.InMemoryRebuildQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk history path against the live path: the same events leave the same shopper states, once, whatever breaks
 * between storing the rows and rebuilding the shoppers, and whatever live event arrives meanwhile.
 */
class HistoryWriterTest {
    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final EventType[] TYPES = {EventType.VIEW, EventType.VIEW, EventType.VIEW, EventType.CLICK,
        EventType.ADD_TO_CART, EventType.REMOVE_FROM_CART, EventType.PURCHASE, EventType.PURCHASE, EventType.RETURN,
        EventType.FAVORITE, EventType.RATE, EventType.SEARCH};
    final io.omnirec.core.MovableClock clock = new io.omnirec.core.MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    final List<CatalogItem> catalog = new ArrayList<>();

    HistoryWriterTest() {
        for (int i = 0; i < 30; i++) {
            catalog.add(new CatalogItem("i" + i, "Item " + i, "Top" + (i % 3) + "/Leaf" + (i % 6), "Brand" + (i % 4),
                    5 + i * 3.5, i % 2 == 0, i % 2 == 0 ? 30 : 0));
        }
    }

    /** A seeded history of every event type for 25 shoppers, in time order. */
    static List<ShopperEvent> history(int count, long seed) {
        Random random = new Random(seed);
        List<ShopperEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            EventType type = TYPES[random.nextInt(TYPES.length)];
            Instant at = START.plusSeconds(n * 600L + random.nextInt(300));
            String user = "u" + random.nextInt(25);
            String item = type == EventType.SEARCH ? null : "i" + random.nextInt(32);
            EventDetails details = switch (type) {
                case RATE -> new EventDetails(1, null, null, (double) (1 + random.nextInt(5)), null, Map.of());
                case PURCHASE -> new EventDetails(1 + random.nextInt(3), random.nextBoolean() ? 9.99 : null, "o" + n,
                        null, null, Map.of());
                case SEARCH -> new EventDetails(1, null, null, null, "coffee", Map.of());
                default -> EventDetails.NONE;
            };
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            String store = channel == Channel.STORE || channel == Channel.KIOSK ? "store-" + random.nextInt(3) : null;
            events.add(new ShopperEvent("h" + n, user, item, type, at, channel, store, null, null, details));
        }
        return events;
    }

    static List<JsonNode> nodes(List<ShopperEvent> events) {
        return events.stream().<JsonNode>map(EventJson::toNode).toList();
    }

    /** Each shopper's state after the same events went through the live path, one after another. */
    Map<String, UserState> live(List<ShopperEvent> history) {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(catalog);
        IngestService ingest = new IngestService(events, features, new InMemoryImpressionStore(),
                EventValidator.historical(clock));
        for (int from = 0; from < history.size(); from += 100) {
            ingest.ingest(nodes(history.subList(from, Math.min(history.size(), from + 100))));
        }
        return states(features, history);
    }

    static Map<String, UserState> states(FeatureStore features, List<ShopperEvent> history) {
        Map<String, UserState> states = new java.util.TreeMap<>();
        history.forEach(e -> states.put(e.userId(), features.loadShopperContext(e.userId()).state()));
        return states;
    }

    static void assertSameStates(Map<String, UserState> expected, Map<String, UserState> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((user, want) -> {
            UserState got = actual.get(user);
            assertEquals(want.purchases(), got.purchases(), user + " purchases");
            assertEquals(want.cart(), got.cart(), user + " cart");
            assertEquals(want.recent(), got.recent(), user + " recent");
            assertEquals(want.priceCount(), got.priceCount(), user + " price count");
            assertEquals(want.priceLogSum(), got.priceLogSum(), 1e-9, user + " price sum");
            assertEquals(want.affinityTotal(), got.affinityTotal(), 1e-9 * Math.max(1, want.affinityTotal()));
            assertEquals(want.items().keySet(), got.items().keySet(), user + " items");
            want.items().forEach((item, w) -> assertEquals(w, got.items().get(item), 1e-9, user + " " + item));
            assertEquals(want.affinities().keySet(), got.affinities().keySet(), user + " affinities");
            want.affinities().forEach((key, w) -> assertEquals(w, got.affinities().get(key),
                    1e-9 * Math.max(1, Math.abs(w)), user + " " + key));
        });
    }

    @Test
    void upload_shouldLeaveTheStatesTheLivePathLeaves_withOneRebuildPerShopper() {
        List<ShopperEvent> history = history(1_500, 42);
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(catalog);
        InMemoryRebuildQueue queue = new InMemoryRebuildQueue();
        HistoryWriter.Upload upload = HistoryWriters.writer(events, features, new InMemoryImpressionStore(), queue,
                clock).upload();

        long accepted = 0;
        for (int from = 0; from < history.size(); from += 250) {
            accepted += upload.write(nodes(history.subList(from, Math.min(history.size(), from + 250)))).stream()
                    .filter(r -> r.status() == EventResult.Status.ACCEPTED).count();
        }
        HistoryWriter.Rebuilt rebuilt = upload.finish();

        assertEquals(1_500, accepted);
        assertEquals(new HistoryWriter.Rebuilt(25, 0), rebuilt);
        assertEquals(0, queue.size());
        assertSameStates(live(history), states(features, history));
    }

    @Test
    void upload_shouldCountDuplicatesAndConflictsAndChangeNothing_whenRowsAreSentAgain() {
        List<ShopperEvent> history = history(300, 7);
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(catalog);
        HistoryWriter writer = HistoryWriters.writer(events, features, new InMemoryImpressionStore(),
                new InMemoryRebuildQueue(), clock);
        HistoryWriter.Upload first = writer.upload();
        first.write(nodes(history));
        first.finish();
        ShopperEvent original = history.get(0);
        ShopperEvent changed = new ShopperEvent(original.eventId(), original.userId(), "i1", EventType.PURCHASE,
                original.timestamp(), original.channel(), original.storeId(), null, null);
        List<ShopperEvent> again = new ArrayList<>(history);
        again.add(changed);
        again.add(history.get(1));

        HistoryWriter.Upload second = writer.upload();
        List<EventResult> results = second.write(nodes(again));
        second.finish();

        assertTrue(results.subList(0, 300).stream().allMatch(r -> r.status() == EventResult.Status.DUPLICATE));
        assertEquals("event_conflict", results.get(300).code());
        assertEquals(EventResult.Status.DUPLICATE, results.get(301).status());
        assertSameStates(live(history), states(features, history));
    }

    @Test
    void repair_shouldRebuildTheShoppers_whenTheUploadDiedAfterStoringItsRows() {
        List<ShopperEvent> history = history(600, 11);
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore store = new InMemoryFeatureStore();
        store.upsertItems(catalog);
        boolean[] down = {true};
        FeatureStore failing = new ForwardingFeatureStore(store) {
            @Override
            public boolean replaceState(StateRevision read, UserState state, Map<String, Instant> newMarkers) {
                if (down[0]) {
                    throw new IllegalStateException("the state table is unreachable");
                }
                return super.replaceState(read, state, newMarkers);
            }
        };
        InMemoryRebuildQueue queue = new InMemoryRebuildQueue();
        HistoryWriter.Upload upload = HistoryWriters.writer(events, failing, new InMemoryImpressionStore(), queue,
                clock).upload();
        upload.write(nodes(history));
        HistoryWriter.Rebuilt rebuilt = upload.finish();
        assertEquals(new HistoryWriter.Rebuilt(0, 25), rebuilt);
        assertTrue(queue.size() > 0, "the shoppers stay queued");

        down[0] = false;
        EventRepair repair = new EventRepair(events, failing, new EventApplier(events, failing,
                new InMemoryImpressionStore(), clock), queue, clock);
        assertEquals(0, repair.run(Duration.ofMinutes(1)).rebuilt(), "the upload's lease still runs");
        clock.advance(HistoryWriters.LEASE.plusSeconds(1));
        EventRepair.Report report = repair.run(Duration.ofMinutes(1));

        assertEquals(25, report.rebuilt());
        assertEquals(0, report.rebuildFailed());
        assertEquals(0, queue.size());
        assertSameStates(live(history), states(store, history));
    }

    @Test
    void rebuild_shouldCountALiveEventOnce_whenItIsPendingOrAppliedWhileTheShopperIsRebuilt() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore store = new InMemoryFeatureStore();
        store.upsertItems(catalog);
        EventApplier applier = new EventApplier(events, store, new InMemoryImpressionStore(), clock);
        CatalogItem item = catalog.get(1);
        ShopperEvent pending = new ShopperEvent("live-pending", "u1", item.itemId(), EventType.VIEW,
                clock.instant(), Channel.WEB, null, null, null);
        ShopperEvent racing = new ShopperEvent("live-racing", "u1", item.itemId(), EventType.VIEW,
                clock.instant(), Channel.WEB, null, null, null);
        events.storeApplied(List.of(new ShopperEvent("old", "u1", item.itemId(), EventType.PURCHASE,
                START, Channel.WEB, null, null, null)), clock.instant());
        // a request stored this event and has not applied it yet
        events.claim(pending, clock.instant(), clock.instant().plusSeconds(30));
        int[] reads = {0};
        FeatureStore racy = new ForwardingFeatureStore(store) {
            @Override
            public StateRevision readRevision(String shopperKey) {
                StateRevision read = super.readRevision(shopperKey);
                if (reads[0]++ == 0) {
                    // a live event lands between the rebuild's read and its write
                    assertEquals(EventResult.Status.ACCEPTED,
                            applier.accept(0, racing, Optional.of(item), Duration.ofSeconds(30)).status());
                }
                return read;
            }
        };

        assertTrue(new StateRebuild(events, racy).run().rebuild("u1"));

        assertEquals(2, reads[0], "the first write was refused, the second read saw the live event");
        assertEquals(5.0 + 1 + 1, store.loadShopperContext("u1").state().items().get(item.itemId()), 1e-9);
        clock.advance(Duration.ofSeconds(31));
        StoredEvent stranded = events.get("live-pending").orElseThrow();
        EventResult resent = applier.repair(stranded, Optional.of(item), Duration.ofSeconds(30)).orElseThrow();
        assertEquals(EventResult.Status.DUPLICATE, resent.status(), "the rebuild counted it and left its marker");
        assertEquals(7.0, store.loadShopperContext("u1").state().items().get(item.itemId()), 1e-9);
        assertEquals(EventApplication.Outcome.ALREADY_APPLIED, store.applyOnce(new EventApplication("live-racing",
                io.omnirec.core.features.InteractionUpdate.of(racing, Optional.of(item)), clock.instant(), null)));
        assertEquals(new TreeSet<>(Set.of("live-pending", "live-racing")),
                new TreeSet<>(store.readRevision("u1").markers().keySet()));
    }

    @Test
    void rebuild_shouldWriteNothing_whenTheShopperHasNoStateAndNoEvents() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore store = new InMemoryFeatureStore();

        assertTrue(new StateRebuild(events, store).run().rebuild("erased-meanwhile"),
                "a queue entry may name a shopper erased since");

        assertEquals(StateRevision.ABSENT, store.readRevision("erased-meanwhile").version());
    }

    @Test
    void upload_shouldCountEveryRowItStored_whenTheLogsIndexDoesNotListThemYet() {
        List<ShopperEvent> history = history(400, 3);
        InMemoryEventStore log = new InMemoryEventStore();
        EventStore lagging = new ForwardingEventStore(log) {
            @Override
            public List<StoredEvent> shopperEvents(String shopperKey) {
                return List.of();
            }
        };
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(catalog);
        HistoryWriter.Upload upload = HistoryWriters.writer(lagging, features, new InMemoryImpressionStore(),
                new InMemoryRebuildQueue(), clock).upload();

        upload.write(nodes(history));
        upload.finish();

        assertSameStates(live(history), states(features, history));
    }

    @Test
    void upload_shouldCountASessionsRowsForTheShopper_whenTheFileIdentifiesTheSessionBeforeItsRowsAreRebuilt() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(catalog);
        List<ShopperEvent> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new ShopperEvent("s-view-" + i, io.omnirec.core.domain.ShopperKeys.session("s1"), "i" + i,
                    EventType.VIEW, START.plusSeconds(i), Channel.WEB, null, "s1", null));
        }
        rows.add(new ShopperEvent("s-identify", "u9", null, EventType.IDENTIFY, START.plusSeconds(60), Channel.WEB,
                null, "s1", null));
        HistoryWriter.Upload upload = HistoryWriters.writer(events, features, new InMemoryImpressionStore(),
                new InMemoryRebuildQueue(), clock).upload();

        List<EventResult> results = upload.write(nodes(rows));
        upload.finish();

        assertTrue(results.stream().allMatch(r -> r.status() == EventResult.Status.ACCEPTED), results.toString());
        assertEquals(5, features.loadShopperContext("u9").state().items().size(),
                "the session's rows count for the shopper who identified it, once");
        assertEquals(5.0, features.loadShopperContext("u9").state().items().values().stream()
                .mapToDouble(Double::doubleValue).sum(), 1e-9);
    }
}
