package io.omnirec.core.records;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryImpressionStore impressions = new InMemoryImpressionStore();
    final java.util.List<String> erasedFromUploads = new ArrayList<>();
    final ShopperProfiles profiles = new ShopperProfiles(features, events, impressions, userId -> {
        erasedFromUploads.add(userId);
        return 0;
    }, CLOCK);
    final CatalogRecords catalog = new CatalogRecords(features);

    static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    String rejected(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).code();
    }

    @Test
    void profile_shouldBeWrittenAndReadBack_withAgeFromTheBirthYear() {
        Customer put = profiles.put("u-1", body("{\"birthYear\": 1990, \"gender\": \"F\", \"region\": \"North\","
                + " \"homeStoreId\": \"store-01\"}"));
        assertEquals(new Customer("u-1", 36, "F", "North", "store-01"), put);
        assertEquals(put, profiles.get("u-1"));
        assertEquals("{\"userId\":\"u-1\",\"age\":36,\"gender\":\"F\",\"region\":\"North\",\"homeStoreId\":\"store-01\","
                + "\"personalizationConsent\":true}", RecordJson.toJson(put).toString());
        Customer withdrawn = profiles.put("u-2", body("{\"age\": 50, \"gender\": \"X\", \"region\": \"West\","
                + " \"postalCode\": \"SW1A 1AA\", \"personalizationConsent\": false}"));
        assertEquals(new Customer("u-2", 50, "X", "West", "", "SW1A 1AA", false), withdrawn);
        assertEquals("invalid_personalizationConsent", rejected(() -> profiles.put("u-3", body("{\"age\": 50,"
                + " \"gender\": \"X\", \"region\": \"W\", \"personalizationConsent\": \"maybe\"}"))));
        assertEquals("unknown_shopper", rejected(() -> profiles.get("nobody")));
    }

    @Test
    void profile_shouldBeRejectedWithTheFieldNamed_whenInputIsMalformedOrHostile() {
        String ok = "\"gender\": \"M\", \"region\": \"South\"";
        assertEquals("invalid_age", rejected(() -> profiles.put("u", body("{\"age\": 130, " + ok + "}"))));
        assertEquals("invalid_age", rejected(() -> profiles.put("u", body("{\"age\": 30, \"birthYear\": 1990, " + ok
                + "}"))));
        assertEquals("invalid_birthYear", rejected(() -> profiles.put("u", body("{\"birthYear\": \"soon\", " + ok
                + "}"))));
        assertEquals("missing_age", rejected(() -> profiles.put("u", body("{" + ok + "}"))));
        assertEquals("invalid_gender", rejected(() -> profiles.put("u", body("{\"age\": 30, \"gender\": \"Q\","
                + " \"region\": \"S\"}"))));
        assertEquals("invalid_region", rejected(() -> profiles.put("u", body("{\"age\": 30, \"gender\": \"F\","
                + " \"region\": {\"$ne\": 1}}"))));
        assertEquals("invalid_homeStoreId", rejected(() -> profiles.put("u", body("{\"age\": 30, " + ok
                + ", \"homeStoreId\": \"~etc\"}"))));
        assertEquals("unknown_field", rejected(() -> profiles.put("u", body("{\"age\": 30, " + ok
                + ", \"userId\": \"other\"}"))));
        assertEquals("invalid_userId", rejected(() -> profiles.put("bad\u0000id", body("{\"age\": 30, " + ok + "}"))));
        assertEquals("invalid_json", rejected(() -> profiles.put("u", body("{\"age\": "))));
        assertEquals("invalid_body", rejected(() -> profiles.put("u", body("[1]"))));
        assertEquals("payload_too_large", rejected(() -> profiles.put("u", body("{\"region\": \""
                + "x".repeat(RecordJson.MAX_BODY_BYTES) + "\"}"))));
        assertTrue(features.customer("u").isEmpty(), "nothing written by a rejected call");
    }

    @Test
    void item_shouldBeWrittenReadAndDeleted_andRejectBadFieldsByName() {
        CatalogItem item = catalog.put("coffee-1", body("{\"title\": \"Beans\", \"category\": \"Grocery/Coffee\","
                + " \"brand\": \"Roast\", \"price\": 8.5, \"consumable\": true, \"repurchaseDays\": 30}"));
        assertEquals(new CatalogItem("coffee-1", "Beans", "Grocery/Coffee", "Roast", 8.5, true, 30, false), item);
        assertEquals(item, catalog.get("coffee-1"));
        CatalogItem withdrawn = catalog.put("coffee-1", body("{\"title\": \"Beans\", \"category\": \"Grocery/Coffee\","
                + " \"brand\": \"Roast\", \"price\": 8.5, \"active\": false}"));
        assertFalse(withdrawn.active());
        assertEquals("invalid_repurchaseDays", rejected(() -> catalog.put("x", body("{\"title\": \"T\", \"category\":"
                + " \"A\", \"brand\": \"B\", \"price\": 1, \"repurchaseDays\": -3}"))));
        assertEquals("invalid_price", rejected(() -> catalog.put("x", body("{\"title\": \"T\", \"category\": \"A\","
                + " \"brand\": \"B\", \"price\": \"free\"}"))));
        assertEquals("invalid_category", rejected(() -> catalog.put("x", body("{\"title\": \"T\", \"category\":"
                + " \"A//B\", \"brand\": \"B\", \"price\": 1}"))));
        assertEquals("missing_title", rejected(() -> catalog.put("x", body("{\"category\": \"A\", \"brand\": \"B\","
                + " \"price\": 1}"))));
        catalog.delete("coffee-1");
        catalog.delete("coffee-1");
        assertEquals("unknown_item", rejected(() -> catalog.get("coffee-1")));
    }

    @Test
    void item_shouldKeepItsDescriptionAttributesLaunchDateAndAvailability() {
        CatalogItem item = catalog.put("shirt-1", body("{\"title\": \"Shirt\", \"category\": \"Fashion/Shirts\","
                + " \"brand\": \"Cotto\", \"price\": 25, \"description\": \"Soft cotton, \\\"slim\\\" fit\","
                + " \"launchDate\": \"2026-12-01\", \"attributes\": {\"colour\": \"red\", \"size\": \"L\"},"
                + " \"availability\": {\"online\": true, \"store-07\": false}}"));

        assertEquals(item, catalog.get("shirt-1"));
        assertEquals("Soft cotton, \"slim\" fit", item.details().description());
        assertEquals(java.time.LocalDate.parse("2026-12-01"), item.details().launchDate());
        assertEquals(Map.of("colour", "red", "size", "L"), item.details().attributes());
        assertEquals("{\"colour\":\"red\",\"size\":\"L\"}", RecordJson.toJson(item).get("attributes").toString());
        assertEquals(java.util.Set.of("shirt-1"), features.loadShopperContext("u", "store-07").unavailable());
        assertEquals(java.util.Set.of(), features.loadShopperContext("u", "online").unavailable());

        String base = "{\"title\": \"T\", \"category\": \"A\", \"brand\": \"B\", \"price\": 1, ";
        assertEquals("invalid_launchDate", rejected(() -> catalog.put("x", body(base + "\"launchDate\": \"soon\"}"))));
        assertEquals("invalid_attributes", rejected(() -> catalog.put("x", body(base
                + "\"attributes\": {\"colour\": {\"r\": 1}}}"))));
        assertEquals("invalid_attributes", rejected(() -> catalog.put("x", body(base + "\"attributes\": [1]}"))));
        assertEquals("invalid_availability", rejected(() -> catalog.put("x", body(base
                + "\"availability\": {\"store-07\": \"yes\"}}"))));
        assertEquals("invalid_description", rejected(() -> catalog.put("x", body(base + "\"description\": \""
                + "x".repeat(io.omnirec.core.domain.ItemDetails.MAX_DESCRIPTION + 1) + "\"}"))));
    }

    @Test
    void stock_shouldBeSetOneItemAtATime() {
        catalog.setStock("store-07", "cereal", body("{\"inStock\": false}"));
        assertEquals(Set.of("cereal"), features.loadShopperContext("u", "store-07").unavailable());
        catalog.setStock("store-07", "cereal", body("{\"inStock\": true}"));
        assertEquals(Set.of(), features.loadShopperContext("u", "store-07").unavailable());
        assertEquals("invalid_inStock", rejected(() -> catalog.setStock("store-07", "cereal",
                body("{\"inStock\": \"no\"}"))));
    }

    @Test
    void erase_shouldLeaveNothingOfTheShopperOrTheirSessions_andBeIdempotent() {
        features.upsertItems(List.of(new CatalogItem("i1", "Item", "Home/Decor", "Acme", 10, false)));
        profiles.put("erin", body("{\"age\": 40, \"gender\": \"F\", \"region\": \"East\"}"));
        IngestService ingest = new IngestService(events, features, impressions, EventValidator.live(CLOCK));
        EventBatchParser parser = new EventBatchParser();
        String events = "{\"events\":["
                + "{\"eventId\":\"x1\",\"userId\":\"erin\",\"itemId\":\"i1\",\"type\":\"purchase\","
                + "\"timestamp\":\"2026-11-30T10:00:00Z\",\"channel\":\"web\"},"
                + "{\"eventId\":\"x2\",\"sessionId\":\"s-erin\",\"itemId\":\"i1\",\"type\":\"view\","
                + "\"timestamp\":\"2026-11-30T10:01:00Z\",\"channel\":\"web\"},"
                + "{\"eventId\":\"x3\",\"userId\":\"other\",\"itemId\":\"i1\",\"type\":\"view\","
                + "\"timestamp\":\"2026-11-30T10:02:00Z\",\"channel\":\"web\"}]}";
        ingest.ingest(parser.parse(body(events)).events()).forEach(r ->
                assertEquals(EventResult.Status.ACCEPTED, r.status()));
        ingest.ingest(parser.parse(body("{\"eventId\":\"x4\",\"userId\":\"erin\",\"sessionId\":\"s-erin\","
                + "\"type\":\"identify\",\"timestamp\":\"2026-11-30T10:03:00Z\",\"channel\":\"web\"}")).events());
        impressions.record(new Impression("rec-1", "erin", null, Experiment.CHAMPION, "v1", List.of("i1"),
                CLOCK.instant()));
        impressions.record(new Impression("rec-2", ShopperKeys.session("s-erin"), null, Experiment.CHAMPION, "v1",
                List.of("i1"), CLOCK.instant()));

        assertEquals(new ShopperProfiles.Erasure("erin", 1, 2, 2, 2, 0), profiles.erase("erin"));
        assertEquals(List.of("erin"), erasedFromUploads, "the uploads are searched too");
        assertEquals("unknown_shopper", rejected(() -> profiles.get("erin")));
        assertFalse(features.loadShopperContext("erin").state().hasHistory());
        assertFalse(features.loadShopperContext(ShopperKeys.session("s-erin")).state().hasHistory());
        List<String> left = new ArrayList<>();
        this.events.forEach(e -> left.add(e.eventId()));
        assertEquals(List.of("x3"), left, "only the other shopper's event is left");
        assertEquals(new ShopperProfiles.Erasure("erin", 0, 0, 0, 0, 0), profiles.erase("erin"), "idempotent");
    }
}
