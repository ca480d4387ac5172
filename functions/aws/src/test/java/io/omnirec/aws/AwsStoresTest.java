package io.omnirec.aws;

import io.omnirec.core.store.HeatCountersContract;
import io.omnirec.core.store.HeatCounters;
import io.omnirec.aws.local.TestAws;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.AggregateStore;
import io.omnirec.core.store.AggregateStoreContract;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.EventStoreContract;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.FeatureStoreContract;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ImpressionStoreContract;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.store.ModelStoreContract;
import io.omnirec.core.store.RebuildQueue;
import io.omnirec.core.store.RebuildQueueContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contracts, run against DynamoDB and S3 (the local emulators unless configured otherwise). */
class AwsStoresTest {
    static DynamoDbClient dynamo;
    static S3Client s3;

    @BeforeAll
    static void clients() {
        TestAws.Endpoints endpoints = TestAws.endpoints();
        dynamo = endpoints.dynamoClient();
        s3 = endpoints.s3Client();
    }

    /** Fresh, uniquely named tables and buckets. */
    static AwsResources freshResources() {
        AwsResources resources = new AwsResources(TestAws.uniqueName("events"), TestAws.uniqueName("features"),
                TestAws.uniqueName("models"), "models/", "aggregates/", TestAws.uniqueName("imports"));
        new Provisioning(dynamo, s3).ensure(resources);
        return resources;
    }

    @Test
    void window_shouldGiveBackEveryFieldOfAnEvent_throughTheIndexAlone() {
        DynamoEventStore store = new DynamoEventStore(dynamo, freshResources().eventsTable());
        ShopperEvent full = new ShopperEvent("full-1", "jürgen.müller+vip@example.com", "sku/7#b", EventType.PURCHASE,
                Instant.parse("2026-11-03T10:00:00.250Z"), Channel.STORE, "store-01", "sess-1", "rec-1",
                new io.omnirec.core.domain.EventDetails(3, 4.5, "order-9", null, null, Map.of("coupon", "x1")));
        ShopperEvent rated = new ShopperEvent("full-2", "u2", "i2", EventType.RATE,
                Instant.parse("2026-11-04T10:00:00Z"), Channel.APP, null, null, null,
                new io.omnirec.core.domain.EventDetails(1, null, null, 4.0, null, Map.of()));
        ShopperEvent search = new ShopperEvent("full-3", "u2", null, EventType.SEARCH,
                Instant.parse("2026-11-05T10:00:00Z"), Channel.WEB, null, null, null,
                new io.omnirec.core.domain.EventDetails(1, null, null, null, "oat milk", Map.of()));
        store.storeApplied(List.of(full, rated, search), Instant.parse("2026-11-06T00:00:00Z"));

        List<ShopperEvent> seen = new ArrayList<>();
        store.window(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")).forEach(seen::add);

        assertEquals(java.util.Set.of(full, rated, search), new java.util.HashSet<>(seen));
        java.util.Set<String> written = new java.util.HashSet<>(DynamoEventStore.toItem(full).keySet());
        written.addAll(DynamoEventStore.toItem(rated).keySet());
        written.addAll(DynamoEventStore.toItem(search).keySet());
        written.removeAll(List.of("eventId", DynamoEventStore.MONTH, "expiresAt"));
        assertEquals(new java.util.HashSet<>(StorageLayout.EVENT_ATTRIBUTES), written,
                "the index copies exactly the attributes an event is written with");
    }

    @Test
    void window_shouldSkipAnItemItCannotRead_whenTheEventsTableHoldsAForeignItem() {
        AwsResources resources = freshResources();
        DynamoEventStore store = new DynamoEventStore(dynamo, resources.eventsTable());
        store.putIfAbsent(new ShopperEvent("e-1", "u1", "i1", EventType.VIEW, Instant.parse("2026-11-01T10:00:00Z"),
                Channel.WEB, null, null, null));
        for (int shard = 0; shard < DynamoEventStore.SHARDS; shard++) {
            String id = "foreign-" + shard;
            dynamo.putItem(b -> b.tableName(resources.eventsTable()).item(Map.of("eventId", AttributeValue.fromS(id),
                    "userId", AttributeValue.fromS("u2"), DynamoEventStore.MONTH, AttributeValue.fromS("2026-11#"
                            + Math.floorMod(id.hashCode(), DynamoEventStore.SHARDS)))));
        }
        List<String> seen = new ArrayList<>();

        store.window(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"))
                .forEach(e -> seen.add(e.eventId()));

        assertEquals(List.of("e-1"), seen, "the readable event is visited, the foreign item skipped");
    }

    @Test
    void window_shouldVisitInTheSameOrderEveryTime_andFailWhole_whenTheTableIsMissing() {
        DynamoEventStore store = new DynamoEventStore(dynamo, freshResources().eventsTable());
        for (int i = 0; i < 300; i++) {
            store.putIfAbsent(new ShopperEvent("o-" + i, "u" + i % 7, "i" + i % 11, EventType.VIEW,
                    Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i * 20_000L), Channel.WEB, null, null, null));
        }
        Instant from = Instant.parse("2026-08-15T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        List<String> first = new ArrayList<>();
        store.window(from, to).forEach(e -> first.add(e.eventId()));
        List<String> second = new ArrayList<>();
        store.window(from, to).forEach(e -> second.add(e.eventId()));

        assertEquals(300, first.size());
        assertEquals(first, second, "the same events, in the same order");
        assertThrows(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                () -> new DynamoEventStore(dynamo, "no-such-table").window(from, to).forEach(e -> { }));
    }

    @Test
    void removeIncomplete_shouldDeleteOnlyVersionsWithoutACardThatNobodyIsWriting() {
        AwsResources resources = freshResources();
        S3ModelStore store = new S3ModelStore(s3, resources.modelsBucket(), resources.modelsPrefix());
        java.util.function.BiConsumer<String, String> put = (key, text) -> s3.putObject(b -> b
                .bucket(resources.modelsBucket()).key(resources.modelsPrefix() + key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(text));
        put.accept("20261130T010000Z-orphan/model.tribuo", "bytes");
        put.accept("20261130T010000Z-orphan/model.onnx", "bytes");
        put.accept("20261130T020000Z-done/model.tribuo", "bytes");
        put.accept("20261130T020000Z-done/card.json", "{}");
        put.accept("runs/delivery-1.json", "{}");

        assertEquals(List.of(), store.removeIncomplete(Instant.now().minus(java.time.Duration.ofHours(1))),
                "a version written within the hour may still be being written");
        assertEquals(List.of("20261130T010000Z-orphan"), store.removeIncomplete(Instant.now().plusSeconds(60)));

        List<String> left = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(resources.modelsBucket()).prefix(resources.modelsPrefix()))
                .contents().forEach(o -> left.add(o.key().substring(resources.modelsPrefix().length())));
        assertEquals(List.of("20261130T020000Z-done/card.json", "20261130T020000Z-done/model.tribuo",
                "runs/delivery-1.json"), left);
    }

    @Nested
    class Events extends EventStoreContract {
        @Override
        protected EventStore newStore() {
            return new DynamoEventStore(dynamo, freshResources().eventsTable());
        }
    }

    @Test
    void shopperState_shouldStayAboutHalfOfDynamoDbsItemLimit_whenEveryBoundIsFilledWithTheLongestValues() {
        String table = freshResources().featuresTable();
        FeatureStore store = new DynamoFeatureStore(dynamo, table);
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        String storeId = longest("store");
        for (int i = 0; i < 260; i++) {
            String itemId = longest("item-" + i);
            // no slash: the top category is the whole path, 256 three-byte characters like the category itself
            String category = i + "€".repeat(256 - Integer.toString(i).length());
            String brand = i + "€".repeat(128 - Integer.toString(i).length());
            CatalogItem item = new CatalogItem(itemId, "Thing", category, brand, 5, false);
            ShopperEvent event = new ShopperEvent(longest("event-" + i), "u1", itemId,
                    i < 200 ? EventType.PURCHASE : EventType.ADD_TO_CART, start.plusSeconds(60L * i), Channel.STORE,
                    storeId, null, null);
            store.applyOnce(new EventApplication(event.eventId(), InteractionUpdate.of(event, Optional.of(item)),
                    start.plusSeconds(60L * i), null));
        }
        for (int i = 0; store.mergeSession(longest("session-" + i), "u1") != FeatureStore.SessionMerge.FULL; i++) {
            assertTrue(i < 1_000, "the merged sessions are bounded");
        }
        Map<String, AttributeValue> state = dynamo.getItem(b -> b.tableName(table)
                .key(DynamoFeatureStore.key("USER#u1", "STATE")).consistentRead(true)).item();
        int size = itemSize(state);
        assertTrue(size < 275 * 1024, "worst-case state of " + size + " bytes");
        assertTrue(size > 180 * 1024, "every bound was filled: " + size + " bytes");
    }

    @Test
    void stock_shouldHoldMoreThanOneItemCanAndReadTheUnsplitItemOfBefore_whenAStoreIsOutOfTensOfThousands() {
        String table = freshResources().featuresTable();
        DynamoFeatureStore store = new DynamoFeatureStore(dynamo, table);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("STORE#store-1"),
                "sk", AttributeValue.fromS("STOCK"), "name", AttributeValue.fromS("Riverside"),
                "outOfStock", AttributeValue.fromSs(List.of("old-1", "old-2")))));
        List<io.omnirec.core.domain.StockLevel> levels = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            levels.add(new io.omnirec.core.domain.StockLevel("store-1", String.format("sku-%012d", i), false));
        }
        store.applyStock(levels); // about 600 KB of ids: more than one item holds

        io.omnirec.core.store.ShopperContext context = store.loadShopperContext("u1", "store-1");
        assertEquals(30_002, context.unavailable().size());
        assertEquals(java.util.Optional.of("Riverside"), context.storeName());

        store.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-1", "old-1", true),
                new io.omnirec.core.domain.StockLevel("store-1", "sku-000000000007", true)));
        java.util.Set<String> after = store.loadShopperContext("u1", "store-1").unavailable();
        assertEquals(30_000, after.size());
        assertTrue(after.contains("old-2") && !after.contains("old-1") && !after.contains("sku-000000000007"));
        assertEquals(java.util.Set.of(), store.loadShopperContext("u1", "store-2").unavailable());
    }

    @Test
    void applyOnce_shouldApplyTheEvent_whenTheReadOfTheTrimAfterItFails() {
        String table = freshResources().featuresTable();
        TestAws.Endpoints endpoints = TestAws.endpoints();
        DynamoDbClient noReads = DynamoDbClient.builder().endpointOverride(endpoints.dynamo())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(endpoints.accessKey(),
                                endpoints.secretKey())))
                .overrideConfiguration(c -> c.addExecutionInterceptor(
                        new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution
                                                                context,
                                                        software.amazon.awssdk.core.interceptor.ExecutionAttributes
                                                                attributes) {
                                if (context.request() instanceof
                                        software.amazon.awssdk.services.dynamodb.model.GetItemRequest) {
                                    throw software.amazon.awssdk.core.exception.SdkClientException.create("no reads");
                                }
                            }
                        })).build();
        FeatureStore failing = new DynamoFeatureStore(noReads, table);
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < DynamoFeatureStore.BOUND_CHECK_INTERVAL; i++) {
            ShopperEvent event = new ShopperEvent("t" + i, "u1", "item-" + i, EventType.VIEW, start.plusSeconds(i),
                    Channel.WEB, null, null, null);
            assertEquals(EventApplication.Outcome.APPLIED, failing.applyOnce(new EventApplication(event.eventId(),
                    InteractionUpdate.of(event, Optional.empty()), start.plusSeconds(i), null)),
                    "the 16th event's check cannot read the state, and the event is applied all the same");
        }
        assertEquals(DynamoFeatureStore.BOUND_CHECK_INTERVAL,
                new DynamoFeatureStore(dynamo, table).loadShopperContext("u1").state().items().size());
    }

    /** An id of the longest length accepted, 256 UTF-8 bytes, starting with {@code head}. */
    private static String longest(String head) {
        return head + "x".repeat(io.omnirec.core.domain.Identifiers.MAX_BYTES - head.length());
    }

    /** An item's size as DynamoDB counts it: each attribute's UTF-8 name and its value. */
    private static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(attribute.getValue());
        }
        return size;
    }

    private static int valueSize(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().replaceAll("[^0-9]", "").length() / 2 + 2;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + valueSize(v)).sum();
        }
        if (value.hasM()) {
            return 3 + itemSize(value.m()) + value.m().size();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        return 1;
    }

    @Nested
    class Features extends FeatureStoreContract {
        @Override
        protected FeatureStore newStore() {
            return new DynamoFeatureStore(dynamo, freshResources().featuresTable());
        }
    }

    @Nested
    class Heat extends HeatCountersContract {
        @Override
        protected HeatCounters newCounters() {
            return new DynamoHeatCounters(dynamo, freshResources().featuresTable());
        }
    }

    @Nested
    class Rebuilds extends RebuildQueueContract {
        @Override
        protected RebuildQueue newQueue() {
            return new DynamoRebuildQueue(dynamo, freshResources().featuresTable());
        }
    }

    @Nested
    class Impressions extends ImpressionStoreContract {
        @Override
        protected ImpressionStore newStore() {
            return new DynamoImpressionStore(dynamo, freshResources().featuresTable());
        }
    }

    @Nested
    class Models extends ModelStoreContract {
        @Override
        protected ModelStore newStore() {
            AwsResources resources = freshResources();
            return new S3ModelStore(s3, resources.modelsBucket(), resources.modelsPrefix());
        }
    }

    @Nested
    class AggregateBuilds extends AggregateStoreContract {
        @Override
        protected AggregateStore newStore() {
            AwsResources resources = freshResources();
            return new S3AggregateStore(s3, resources.modelsBucket(), resources.aggregatesPrefix());
        }
    }
}
