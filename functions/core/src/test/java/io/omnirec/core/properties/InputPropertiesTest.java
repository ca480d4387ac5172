package io.omnirec.core.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.imports.CatalogCsv;
import io.omnirec.core.imports.CustomerCsv;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.ranking.RankQuery;
import io.omnirec.core.ranking.RecommendationQuery;
import io.omnirec.core.records.RecordJson;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parser and query parameter, fed generated input (random Unicode, hostile JSON, wrong types): it accepts, or
 * rejects with an {@link InvalidInputException} whose code names what was wrong; no other exception ever escapes (which
 * the functions would answer with a 500).
 */
class InputPropertiesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CODE = Pattern.compile("[a-z_]+(_[A-Za-z]+)?");
    static final List<String> EVENT_FIELDS = List.of("eventId", "userId", "sessionId", "itemId", "type", "timestamp",
            "channel", "storeId", "recommendationId", "quantity", "unitPrice", "orderId", "rating", "query",
            "properties");

    /** Runs the parser; true when it accepted, false when it rejected with a proper code. */
    static boolean acceptsOrRejectsCleanly(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (InvalidInputException e) {
            assertTrue(CODE.matcher(e.code()).matches(), "a code naming the problem: " + e.code());
            assertFalse(e.getMessage() == null || e.getMessage().isBlank());
            return false;
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.of("", " ", "~session:x", "jürgen.müller+vip@example.com", "POS/0042#17", "\u202Eevil",
                        "\ud800", "a\u0000b", "5,7", "-1", "1e9", "NaN", "2026-02-30T00:00:00Z", "x".repeat(300)));
    }

    @Provide
    Arbitrary<Object> anyJsonValue() {
        return Arbitraries.oneOf(anyText().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(List.of(1, "a")), Arbitraries.just(Map.of("$ne", 1)),
                Arbitraries.just("2026-11-29T10:00:00Z"), Arbitraries.of("view", "purchase", "identify", "web", "store", "rate", "return", "search"),
                Arbitraries.just(Map.of("till", "4")), Arbitraries.just(Map.of("a b", List.of())));
    }

    @Property(tries = 300, seed = "42")
    void ids_shouldBeValidExactlyWhenPrintableAndShort_andNeverCollideAfterEncoding(
            @ForAll("anyText") String a, @ForAll("anyText") String b) {
        if (Identifiers.isValid(a)) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length >= 1 && bytes.length <= Identifiers.MAX_BYTES);
            assertEquals(a, new String(bytes, StandardCharsets.UTF_8), "stored byte-exact");
            assertFalse(Identifiers.isValid(ShopperKeys.session(a)), "a session key is never a valid shopper id");
            if (Identifiers.isValid(b) && !a.equals(b)) {
                assertFalse(java.util.Arrays.equals(bytes, b.getBytes(StandardCharsets.UTF_8)));
                assertNotEquals(ShopperKeys.session(a), ShopperKeys.session(b));
            }
        }
    }

    @Property(tries = 50, seed = "42")
    void ids_shouldAcceptWhatRetailersUse() {
        for (String id : List.of("jürgen.müller+vip@example.com", "POS/0042#17", "客户-42", "O'Brien & Sons", "a b")) {
            assertTrue(Identifiers.isValid(id), id);
        }
        for (String id : List.of("", "~x", "a\u0000b", "a\nb", "\u202Eevil", "\ud800", "x".repeat(257))) {
            assertFalse(Identifiers.isValid(id), id);
        }
    }

    @Property(tries = 500, seed = "42")
    void eventJson_shouldBeValidatedOrRejectedNamingTheField(@ForAll @Size(max = 10) List<@From("fieldNames") String> names,
                                                             @ForAll @Size(max = 10) List<@From("anyJsonValue") Object> values) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            node.set(names.get(i), JSON.valueToTree(values.get(i)));
        }
        acceptsOrRejectsCleanly(() -> EventValidator.live(CLOCK).validate(node));
        acceptsOrRejectsCleanly(() -> EventValidator.historical(CLOCK).validate(node));
        IngestService ingest = new IngestService(new InMemoryEventStore(), new InMemoryFeatureStore(),
                new InMemoryImpressionStore(), EventValidator.live(CLOCK));
        List<EventResult> results = ingest.ingest(List.of(node, node));
        assertEquals(2, results.size(), "a fate for each, never an exception");
        results.forEach(r -> assertTrue(r.status() != EventResult.Status.FAILED, r.toString()));
    }

    @Provide
    Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.of(EVENT_FIELDS), anyText());
    }

    @Property(tries = 300, seed = "42")
    void eventBodies_shouldParseOrBeRejected(@ForAll("bodies") String body) {
        acceptsOrRejectsCleanly(() -> new EventBatchParser().parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(anyText(), Arbitraries.of("{}", "[]", "null", "{\"events\":null}",
                "{\"events\":[1,2]}", "{\"events\":{}}", "[".repeat(300), "{\"a\":" + "1".repeat(400) + "}"));
    }

    @Property(tries = 500, seed = "42")
    void queryParameters_shouldParseOrBeRejectedNamingTheParameter(@ForAll("anyText") String k,
                                                                 @ForAll("anyText") String storeId,
                                                                 @ForAll("anyText") String channel,
                                                                 @ForAll("anyText") String category,
                                                                 @ForAll("anyText") String exclude) {
        if (!acceptsOrRejectsCleanly(() -> RecommendationQuery.fromParameters(k, storeId, channel, category, exclude))) {
            return;
        }
        int parsed = RecommendationQuery.fromParameters(k, storeId, channel, category, exclude).k();
        assertTrue(parsed >= 1 && parsed <= 100);
    }

    @Property(tries = 200, seed = "42")
    void kRepeated_shouldBeRejected_notReadAsTheFirstValue(@ForAll("smallInts") int first, @ForAll("smallInts") int second) {
        assertFalse(acceptsOrRejectsCleanly(() -> RecommendationQuery.fromParameters(first + "," + second, null,
                null, null, null)), "k=5&k=7 arrives as \"5,7\" from HTTP APIs");
    }

    @Provide
    Arbitrary<Integer> smallInts() {
        return Arbitraries.integers().between(1, 100);
    }

    @Property(tries = 300, seed = "42")
    void jsonBodies_shouldParseOrBeRejected(@ForAll("bodies") String body, @ForAll("anyText") String id) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        acceptsOrRejectsCleanly(() -> RecommendationQuery.fromJson(bytes));
        acceptsOrRejectsCleanly(() -> RankQuery.fromJson(bytes));
        acceptsOrRejectsCleanly(() -> RecordJson.customer(id, bytes, CLOCK));
        acceptsOrRejectsCleanly(() -> RecordJson.item(id, bytes));
    }

    @Property(tries = 300, seed = "42")
    void recordFields_shouldBeReadOrRejectedNamingTheField(@ForAll @Size(max = 8) List<@From("recordFields") String> names,
                                                          @ForAll @Size(max = 8) List<@From("anyJsonValue") Object> values,
                                                          @ForAll("anyText") String id) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            node.set(names.get(i), JSON.valueToTree(values.get(i)));
        }
        byte[] bytes = JSON.writeValueAsBytes(node);
        acceptsOrRejectsCleanly(() -> RecordJson.customer(id, bytes, CLOCK));
        acceptsOrRejectsCleanly(() -> RecordJson.item(id, bytes));
    }

    @Provide
    Arbitrary<String> recordFields() {
        return Arbitraries.of("age", "birthYear", "gender", "region", "homeStoreId", "title", "category", "brand",
                "price", "consumable", "repurchaseDays", "active", "userId", "other");
    }

    @Property(tries = 500, seed = "42")
    void csvRows_shouldMapOrBeRejectedNamingTheColumn(@ForAll @Size(min = 8, max = 8) List<@From("anyText") String> row) {
        acceptsOrRejectsCleanly(() -> new CatalogCsv().map(row));
        acceptsOrRejectsCleanly(() -> new CustomerCsv().map(row.subList(0, 5)));
    }

    @Property(tries = 500, seed = "42")
    void jsonLinesRecords_shouldImportOrRejectEveryLine(
            @ForAll @Size(max = 9) List<@From("catalogColumns") String> keys,
            @ForAll @Size(min = 9, max = 9) List<@From("anyJsonValue") Object> values) throws Exception {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            row.put(keys.get(i), values.get(i));
        }
        String line = JSON.writeValueAsString(row) + "\n";
        io.omnirec.core.imports.ImportReport report = new io.omnirec.core.imports.ImportService(
                new io.omnirec.core.store.memory.InMemoryFeatureStore()).importFile(
                io.omnirec.core.imports.ImportKind.CATALOG, true,
                new java.io.ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                new io.omnirec.core.imports.ImportProgress());
        assertEquals(1, report.rows());
        assertEquals(1, report.imported() + report.rejected(), line);
        if (report.rejected() == 1) {
            String code = new String(report.rejectionsCsv(), StandardCharsets.UTF_8).split("\n")[1].split(",")[1];
            assertTrue(CODE.matcher(code).matches(), "a code naming the problem: " + code);
        }
    }

    @Provide
    Arbitrary<String> catalogColumns() {
        return Arbitraries.of("item_id", "title", "category", "brand", "price", "consumable", "repurchase_days",
                "active", "other");
    }

    @Property(tries = 300, seed = "42")
    void timestamps_shouldBeAcceptedExactlyFrom1970UntilADayAhead(@ForAll("instants") Instant at) {
        ObjectNode node = JSON.createObjectNode().put("eventId", "e").put("userId", "u").put("itemId", "i")
                .put("type", "view").put("channel", "web").put("timestamp", at.toString());
        boolean accepted = acceptsOrRejectsCleanly(() -> EventValidator.historical(CLOCK).validate(node));
        boolean real = !at.isBefore(Instant.parse("1970-01-02T00:00:00Z"))
                && !at.isAfter(CLOCK.instant().plus(java.time.Duration.ofDays(1)));
        assertEquals(real, accepted, at.toString());
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L),
                Arbitraries.integers().between(0, 999)).as((s, ms) -> Instant.ofEpochSecond(s).plusMillis(ms));
    }
}
