package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIntakeTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    final EventBatchParser parser = new EventBatchParser();
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final io.omnirec.core.store.memory.InMemoryImpressionStore impressions =
            new io.omnirec.core.store.memory.InMemoryImpressionStore();
    final IngestService service = new IngestService(events, features, impressions, EventValidator.live(CLOCK));

    static String event(String id, String type) {
        return "{\"eventId\":\"" + id + "\",\"userId\":\"u1\",\"itemId\":\"i1\",\"type\":\"" + type
                + "\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"channel\":\"store\",\"storeId\":\"store-01\"}";
    }

    List<JsonNode> parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8)).events();
    }

    InvalidInputException rejected(String body) {
        return assertThrows(InvalidInputException.class, () -> parser.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    EventResult only(String eventJson) {
        return service.ingest(parse(eventJson)).get(0);
    }

    @Test
    void ingest_shouldCountOnce_whenTheSameEventIdArrivesTwice() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        List<EventResult> results = service.ingest(parse("{\"events\":[" + event("e1", "purchase") + ","
                + event("e1", "purchase") + "," + event("e2", "view") + "]}"));
        assertEquals(List.of(EventResult.Status.ACCEPTED, EventResult.Status.DUPLICATE, EventResult.Status.ACCEPTED),
                results.stream().map(EventResult::status).toList());
        assertEquals(java.util.Map.of("i1", 6.0), features.loadShopperContext("u1").state().items());
        assertEquals(Set.of("i1"), features.loadShopperContext("u1").state().purchased());
    }

    @Test
    void ingest_shouldAddOnlyAcceptedEventsAboutCatalogItemsToTheLiveHeat_andNeverFailForIt() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        io.omnirec.core.store.memory.InMemoryHeatCounters heat = new io.omnirec.core.store.memory.InMemoryHeatCounters();
        IngestService live = new IngestService(events, features, impressions, EventValidator.live(CLOCK), Runnable::run,
                CLOCK, heat);
        String unknownItem = event("h4", "purchase").replace("\"i1\"", "\"nope\"");
        live.ingest(parse("{\"events\":[" + event("h1", "purchase") + "," + event("h1", "purchase") + ","
                + event("h2", "view") + "," + event("h3", "teleport") + "," + unknownItem + "]}"));
        live.ingest(parse(event("h1", "purchase")));

        io.omnirec.core.aggregates.HeatTally tally = heat.since(CLOCK.instant()).get(CLOCK.instant());
        assertEquals(java.util.Map.of("i1", 1.2), tally.signal(), "the purchase once and the view");
        assertEquals(java.util.Map.of("i1", 1L), tally.purchases());
        assertEquals(java.util.Map.of("store-01", java.util.Map.of("i1", 1.2)), tally.stores());

        IngestService broken = new IngestService(events, features, impressions, EventValidator.live(CLOCK),
                Runnable::run, CLOCK, new io.omnirec.core.store.HeatCounters() {
            public void add(Instant acceptedAt, io.omnirec.core.aggregates.HeatTally t) {
                throw new IllegalStateException("the counters are down");
            }

            public java.util.NavigableMap<Instant, io.omnirec.core.aggregates.HeatTally> since(Instant from) {
                throw new IllegalStateException("the counters are down");
            }
        });
        assertEquals(EventResult.Status.ACCEPTED, broken.ingest(parse(event("h5", "view"))).get(0).status());
    }

    @Test
    void ingest_shouldAnswerRepeatsWithinOneBatchFromTheFirstOccurrence() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        List<EventResult> results = service.ingest(parse("{\"events\":[" + event("b1", "view") + ","
                + event("b1", "purchase") + "," + event("b1", "view") + "]}"));
        assertEquals(List.of(EventResult.Status.ACCEPTED, EventResult.Status.CONFLICT, EventResult.Status.DUPLICATE),
                results.stream().map(EventResult::status).toList());
        assertEquals(java.util.Map.of("i1", 1.0), features.loadShopperContext("u1").state().items());
    }

    @Test
    void ingest_shouldReportAConflictAndChangeNothing_whenAnIdIsReusedForAnotherEvent() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        assertEquals(EventResult.Status.ACCEPTED, only(event("c1", "view")).status());
        EventResult reused = only(event("c1", "purchase"));
        assertEquals(EventResult.Status.CONFLICT, reused.status());
        assertEquals("event_conflict", reused.code());
        assertEquals(EventResult.Status.DUPLICATE, only(event("c1", "view")).status(), "the same event again");
        assertEquals(java.util.Map.of("i1", 1.0), features.loadShopperContext("u1").state().items());
        assertTrue(features.loadShopperContext("u1").state().purchased().isEmpty());
    }

    @Test
    void ingest_shouldReportEachFate_whenABatchMixesGoodAndBadEvents() {
        List<EventResult> results = service.ingest(parse("{\"events\":[" + event("ok-1", "view") + ","
                + event("bad-1", "teleport") + ",42," + event("ok-2", "add_to_cart") + "]}"));
        assertEquals(EventResult.Status.ACCEPTED, results.get(0).status());
        assertEquals("invalid_type", results.get(1).code());
        assertEquals("bad-1", results.get(1).eventId());
        assertEquals("invalid_event", results.get(2).code());
        assertEquals(EventResult.Status.ACCEPTED, results.get(3).status());
        assertTrue(events.get("ok-1").isPresent() && events.get("ok-2").isPresent());
        assertTrue(events.get("bad-1").isEmpty());
    }

    @Test
    void ingest_shouldKeepTheEventPendingAndApplyItOnceOnResend_whenTheFeatureUpdateFails() {
        IngestService broken = new IngestService(events, new FailingFeatureStore(features), impressions, EventValidator.live(CLOCK));
        EventResult result = broken.ingest(parse(event("e-fail", "purchase"))).get(0);
        assertEquals(EventResult.Status.FAILED, result.status());
        assertEquals(io.omnirec.core.store.StoredEvent.State.PENDING, events.get("e-fail").orElseThrow().state(),
                "kept, released for the resend");
        assertEquals(EventResult.Status.ACCEPTED, service.ingest(parse(event("e-fail", "purchase"))).get(0).status());
        assertEquals(io.omnirec.core.store.StoredEvent.State.APPLIED, events.get("e-fail").orElseThrow().state());
        assertEquals(java.util.Map.of("i1", 5.0), features.loadShopperContext("u1").state().items(), "counted once");
    }

    static String anonymous(String id, String type, String session) {
        return "{\"eventId\":\"" + id + "\",\"sessionId\":\"" + session + "\",\"itemId\":\"i1\",\"type\":\"" + type
                + "\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"channel\":\"web\"}";
    }

    static String identify(String id, String session, String user) {
        return "{\"eventId\":\"" + id + "\",\"sessionId\":\"" + session + "\",\"userId\":\"" + user
                + "\",\"type\":\"identify\",\"timestamp\":\"2026-11-29T10:05:00Z\",\"channel\":\"web\"}";
    }

    @Test
    void ingest_shouldKeepAnAnonymousSessionApartThenMergeItOnce_whenTheVisitorIsIdentified() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        assertEquals(EventResult.Status.ACCEPTED, only(anonymous("a1", "view", "s-9")).status());
        assertEquals(EventResult.Status.ACCEPTED, only(anonymous("a2", "add_to_cart", "s-9")).status());
        assertEquals("~session:s-9", events.get("a1").orElseThrow().event().userId());
        assertEquals(java.util.Map.of("i1", 4.0),
                features.loadShopperContext(io.omnirec.core.domain.ShopperKeys.session("s-9")).state().items());
        assertTrue(!features.loadShopperContext("u1").state().hasHistory(), "not the shopper's until identified");

        assertEquals(EventResult.Status.ACCEPTED, only(identify("id-1", "s-9", "u1")).status());
        assertEquals(java.util.Map.of("i1", 4.0), features.loadShopperContext("u1").state().items());
        assertEquals(EventResult.Status.DUPLICATE, only(identify("id-1", "s-9", "u1")).status());
        assertEquals(EventResult.Status.DUPLICATE, only(identify("id-2", "s-9", "u1")).status());
        assertEquals("session_already_identified", only(identify("id-3", "s-9", "u2")).code());
        assertEquals(java.util.Map.of("i1", 4.0), features.loadShopperContext("u1").state().items(),
                "merged once");
        assertTrue(events.get("id-1").isEmpty(), "identify is not an interaction: the event log keeps none");
    }

    @Test
    void ingest_shouldRefuseToMergeAnotherSession_whenTheShopperListsAsManySessionBytesAsItKeeps() {
        int fit = io.omnirec.core.store.FeatureStore.SESSION_BYTES_LIMIT / 256;
        for (int i = 0; i < fit; i++) {
            assertEquals(EventResult.Status.ACCEPTED, only(identify("id-" + i, longSession(i), "u1")).status());
        }
        EventResult refused = only(identify("id-full", longSession(fit), "u1"));
        assertEquals(EventResult.Status.REJECTED, refused.status());
        assertEquals("too_many_sessions", refused.code());
        assertEquals(EventResult.Status.DUPLICATE, only(identify("id-again", longSession(0), "u1")).status());
        assertEquals(EventResult.Status.ACCEPTED, only(identify("id-other", longSession(fit), "u2")).status(),
                "the refused session stayed anonymous");
    }

    /** A session id of 256 bytes, the longest accepted. */
    private static String longSession(int i) {
        return String.format("%06d", i) + "s".repeat(250);
    }

    @Test
    void validate_shouldRejectWithCode_whenAnonymousOrIdentifyEventsAreIncomplete() {
        assertEquals("missing_userId", only(anonymous("a3", "view", "s-1").replace(",\"sessionId\":\"s-1\"", ""))
                .code());
        assertEquals("invalid_sessionId", only(anonymous("a3", "view", "~session:x")).code());
        assertEquals("missing_userId", only(identify("i3", "s-1", "u1").replace(",\"userId\":\"u1\"", "")).code());
        assertEquals("missing_sessionId", only(identify("i3", "s-1", "u1").replace("\"sessionId\":\"s-1\",", ""))
                .code());
        assertEquals("unexpected_itemId", only(identify("i3", "s-1", "u1").replace("}", ",\"itemId\":\"i1\"}"))
                .code());
        assertEquals("invalid_userId", only(identify("i3", "s-1", "~session:s-1")).code());
        IngestService broken = new IngestService(events, new FailingFeatureStore(features), impressions, EventValidator.live(CLOCK));
        assertEquals(EventResult.Status.FAILED, broken.ingest(parse(identify("i4", "s-1", "u1"))).get(0).status());
        assertEquals(EventResult.Status.ACCEPTED, only(identify("i4", "s-1", "u1")).status(), "resend works");
    }

    @Test
    void validate_shouldRejectWithCode_whenFieldsAreMissingWrongOrHostile() {
        assertEquals("missing_userId", only("{\"eventId\":\"e\",\"itemId\":\"i\",\"type\":\"view\","
                + "\"timestamp\":\"2026-11-29T10:00:00Z\",\"channel\":\"web\"}").code());
        assertEquals("invalid_userId", only(event("e3", "view").replace("\"u1\"", "\"\u202Eevil\"")).code());
        assertEquals("invalid_userId", only(event("e3", "view").replace("\"u1\"", "\"" + "u".repeat(257) + "\"")).code());
        assertEquals("invalid_userId", only(event("e3", "view").replace("\"u1\"", "12")).code());
        assertEquals("unknown_field", only(event("e3", "view").replace("}", ",\"price\":\"1\"}")).code());
        assertEquals("invalid_timestamp", only(event("e3", "view").replace("2026-11-29T10:00:00Z", "yesterday")).code());
        assertEquals("invalid_timestamp", only(event("e3", "view").replace("2026-11-29", "2027-01-01")).code());
        assertEquals("invalid_timestamp", only(event("e3", "view").replace("2026-11-29", "1998-04-22")).code());
        assertEquals("invalid_channel", only(event("e3", "view").replace("\"store\"", "\"fax\"")).code());
        assertEquals("missing_storeId", only(event("e3", "view").replace(",\"storeId\":\"store-01\"", "")).code());
        assertTrue(events.get("e3").isEmpty());
    }

    @Test
    void historical_shouldAcceptOldEventsButNotTheFuture_whenImportingHistory() {
        EventValidator history = EventValidator.historical(CLOCK);
        assertEquals(java.time.Instant.parse("1998-04-22T10:00:00Z"), history.validate(parse(
                event("h1", "view").replace("2026-11-29", "1998-04-22")).get(0)).timestamp());
        InvalidInputException future = assertThrows(InvalidInputException.class, () -> history.validate(parse(
                event("h2", "view").replace("2026-11-29", "2027-01-01")).get(0)));
        assertEquals("invalid_timestamp", future.code());
        assertThrows(InvalidInputException.class, () -> history.validate(parse(
                event("h3", "view").replace("2026-11-29", "1969-12-31")).get(0)));
    }

    @Test
    void parse_shouldRejectTheWholeRequest_whenBodyIsMalformedOrOversized() {
        assertEquals("empty_body", rejected("").code());
        assertEquals("invalid_json", rejected("{\"events\":[").code());
        assertEquals("invalid_body", rejected("[1,2]").code());
        assertEquals("invalid_body", rejected("{\"events\":{}}").code());
        assertEquals("empty_batch", rejected("{\"events\":[]}").code());
        assertEquals("batch_too_large", rejected("{\"events\":[" + String.join(",",
                java.util.Collections.nCopies(101, "{}")) + "]}").code());
        assertEquals("payload_too_large", rejected("{\"eventId\":\"" + "x".repeat(EventBatchParser.MAX_BODY_BYTES)
                + "\"}").code());
        assertEquals("invalid_json", rejected("[".repeat(500) + "]".repeat(500)).code());
    }

    @Test
    void eventModel_shouldGiveEachTypeItsEffect_andKeepItsDetails() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        String purchase = "{\"eventId\":\"m1\",\"userId\":\"u1\",\"itemId\":\"i1\",\"type\":\"purchase\","
                + "\"timestamp\":\"2026-11-29T10:00:00Z\",\"channel\":\"store\",\"storeId\":\"s1\",\"quantity\":2,"
                + "\"unitPrice\":8.5,\"orderId\":\"POS/77#1\",\"properties\":{\"till\":\"4\"}}";
        assertEquals(EventResult.Status.ACCEPTED, only(purchase).status());
        io.omnirec.core.domain.EventDetails details = events.get("m1").orElseThrow().event().details();
        assertEquals(new io.omnirec.core.domain.EventDetails(2, 8.5, "POS/77#1", null, null,
                java.util.Map.of("till", "4")), details);
        assertEquals(Math.log(8.5), features.loadShopperContext("u1").state().meanPriceLog(), 1e-9,
                "the price paid, not the catalog's");
        assertEquals(Set.of("i1"), features.loadShopperContext("u1").state().purchased());

        assertEquals(EventResult.Status.ACCEPTED, only(event("m2", "return").replace("}", ",\"quantity\":1}")).status());
        assertEquals(Set.of(), features.loadShopperContext("u1").state().purchased(), "returned: no longer bought");

        assertEquals(EventResult.Status.ACCEPTED, only(event("m3", "rate").replace("}", ",\"rating\":5}")).status());
        assertEquals(5.0 + 2.0, features.loadShopperContext("u1").state().items().get("i1"), 1e-9);
        assertEquals("missing_rating", only(event("m4", "rate")).code());
        assertEquals("invalid_rating", only(event("m4", "rate").replace("}", ",\"rating\":9}")).code());
        assertEquals("unexpected_rating", only(event("m4", "view").replace("}", ",\"rating\":3}")).code());
        assertEquals("unexpected_quantity", only(event("m4", "view").replace("}", ",\"quantity\":3}")).code());
        assertEquals("invalid_quantity", only(event("m4", "purchase").replace("}", ",\"quantity\":0}")).code());

        String search = "{\"eventId\":\"m5\",\"userId\":\"u1\",\"type\":\"search\",\"query\":\"oat milk\","
                + "\"timestamp\":\"2026-11-29T10:05:00Z\",\"channel\":\"app\"}";
        var before = features.loadShopperContext("u1").state();
        assertEquals(EventResult.Status.ACCEPTED, only(search).status());
        assertEquals(EventResult.Status.DUPLICATE, only(search).status());
        assertEquals("oat milk", events.get("m5").orElseThrow().event().details().query());
        assertEquals(before.items(), features.loadShopperContext("u1").state().items(), "a search changes no state");
        assertEquals("missing_query", only(search.replace(",\"query\":\"oat milk\"", "").replace("m5", "m6")).code());
        assertEquals("unexpected_itemId", only(search.replace("\"type\"", "\"itemId\":\"i1\",\"type\"")
                .replace("m5", "m6")).code());
        assertEquals("invalid_properties", only(event("m6", "view").replace("}", ",\"properties\":{\"a b\":\"x\"}}"))
                .code());
        List<String> history = new java.util.ArrayList<>();
        events.withItems().forEach(e -> history.add(e.eventId()));
        assertTrue(!history.contains("m5"), "jobs read the events about items");
    }

    /** A feature store whose writes fail, as when DynamoDB throttles. */
    private static final class FailingFeatureStore extends io.omnirec.core.store.ForwardingFeatureStore {
        FailingFeatureStore(InMemoryFeatureStore delegate) {
            super(delegate);
        }

        @Override
        public void apply(InteractionUpdate update) {
            throw new IllegalStateException("throttled");
        }

        @Override
        public io.omnirec.core.store.EventApplication.Outcome applyOnce(
                io.omnirec.core.store.EventApplication application) {
            throw new IllegalStateException("throttled");
        }

        @Override
        public SessionMerge mergeSession(String sessionId, String userId) {
            throw new IllegalStateException("throttled");
        }
    }
}
