package io.omnirec.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.aws.local.LocalAws;
import io.omnirec.aws.local.TestAws;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;
import io.omnirec.core.ingest.EventApplier;
import io.omnirec.core.ingest.EventRepair;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.StoredEvent;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DynamoDB emulator is killed by its process id and restarted in the middle of a concurrent ingest load; clients
 * resend what failed, and a few requests "crash" between storing and applying (and between applying and marking)
 * without ever resending. Afterwards every event is stored once and the shoppers' state equals a replay of the stored
 * events: nothing lost, nothing counted twice.
 */
class IngestFaultTest {
    static final Duration LEASE = Duration.ofSeconds(2);
    static final int SHOPPERS = 30;
    static final int EVENTS_PER_SHOPPER = 40;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static LocalAws aws;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAws.freePort(), LocalAws.freePort(), data);
        TestAws.Endpoints endpoints = new TestAws.Endpoints(aws.dynamoEndpoint(), aws.s3Endpoint(),
                LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY);
        // the SDK's own 8 retries would ride out a short outage unseen: allow one retry, the clients resend
        dynamo = DynamoDbClient.builder().endpointOverride(aws.dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY,
                        LocalAws.SECRET_KEY)))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(2)))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
        AwsResources resources = new AwsResources("events", "features", "models", "models/", "aggregates/",
                "imports");
        new Provisioning(dynamo, endpoints.s3Client()).ensure(resources);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void ingest_shouldStoreAndApplyEveryEventOnce_whenDynamoDbDiesMidLoadAndRequestsCrash() throws Exception {
        DynamoEventStore events = new DynamoEventStore(dynamo, "events");
        DynamoFeatureStore features = new DynamoFeatureStore(dynamo, "features");
        DynamoImpressionStore impressions = new DynamoImpressionStore(dynamo, "features");
        List<CatalogItem> catalog = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            catalog.add(new CatalogItem("item-" + i, "Item " + i, "Dept" + (i % 3) + "/Shelf" + (i % 4),
                    "Brand" + (i % 5), 5 + i, i % 2 == 0));
        }
        features.upsertItems(catalog);
        Map<String, CatalogItem> byId = new HashMap<>();
        catalog.forEach(item -> byId.put(item.itemId(), item));
        List<ObjectNode> sent = events(new Random(42), catalog);

        // requests that stored an event and died: before applying it, or after applying and before marking it
        Instant now = Instant.now();
        List<ShopperEvent> crashed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ShopperEvent event = EventValidator.live(Clock.systemUTC()).validate(sent.remove(sent.size() - 1));
            events.claim(event, now, now.plus(LEASE));
            if (i % 2 == 1) {
                features.applyOnce(new EventApplication(event.eventId(), InteractionUpdate.of(event,
                        Optional.of(byId.get(event.itemId()))), now, null));
            }
            crashed.add(event);
        }

        ExecutorService writers = Executors.newFixedThreadPool(4);
        IngestService ingest = new IngestService(events, features, impressions, EventValidator.live(Clock.systemUTC()),
                writers, Clock.systemUTC());
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        int share = (sent.size() + 3) / 4;
        for (int c = 0; c < 4; c++) {
            List<ObjectNode> mine = sent.subList(c * share, Math.min(sent.size(), (c + 1) * share));
            done.add(clients.submit(() -> sendUntilSettled(ingest, mine, settled, failures)));
        }
        while (settled.get() < sent.size() / 4) {
            Thread.sleep(20);
        }
        aws.restartDynamo(Duration.ofSeconds(2));
        for (Future<?> client : done) {
            client.get();
        }
        clients.shutdown();
        writers.shutdown();
        assertTrue(failures.get() > 0, "the outage must have been felt by the clients");

        Thread.sleep(LEASE.toMillis() + 200);
        EventRepair.Report repaired = new EventRepair(events, features,
                new EventApplier(events, features, impressions, Clock.systemUTC())).run(LEASE);
        System.out.printf("fault test: %d events sent, %d failed answers resent, repair %s%n", sent.size(),
                failures.get(), repaired);
        assertEquals(0, repaired.unresolved(), repaired.toString());
        assertTrue(repaired.applied() >= 2 && repaired.alreadyApplied() >= 2, repaired.toString());
        List<StoredEvent> stillPending = new ArrayList<>();
        events.forEachPending(stillPending::add);
        assertEquals(List.of(), stillPending);

        Set<String> expectedIds = new HashSet<>();
        sent.forEach(node -> expectedIds.add(node.get("eventId").asText()));
        crashed.forEach(event -> expectedIds.add(event.eventId()));
        List<ShopperEvent> stored = new ArrayList<>();
        events.history(Instant.now()).forEach(stored::add);
        assertEquals(expectedIds.size(), stored.size(), "stored once each");
        assertEquals(expectedIds, new HashSet<>(stored.stream().map(ShopperEvent::eventId).toList()));

        InMemoryFeatureStore replay = new InMemoryFeatureStore();
        stored.stream().sorted(java.util.Comparator.comparing(ShopperEvent::timestamp)).forEach(event ->
                replay.apply(InteractionUpdate.of(event, Optional.of(byId.get(event.itemId())))));
        for (int s = 0; s < SHOPPERS; s++) {
            String shopper = "shopper-" + s;
            UserState actual = features.loadShopperContext(shopper).state();
            UserState expected = replay.loadShopperContext(shopper).state();
            assertEquals(expected.purchases(), actual.purchases(), shopper);
            assertClose(expected.items(), actual.items(), shopper);
            assertClose(expected.affinities(), actual.affinities(), shopper);
            assertEquals(expected.affinityTotal(), actual.affinityTotal(), 1e-6, shopper);
            assertEquals(expected.priceCount(), actual.priceCount(), shopper);
        }
    }

    /** Sends in batches of 20 and resends every event whose fate was a failure, until each is settled. */
    private static void sendUntilSettled(IngestService ingest, List<ObjectNode> mine, AtomicInteger settled,
                                         AtomicInteger failures) {
        List<ObjectNode> open = new ArrayList<>(mine);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!open.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(open.size() + " events never settled");
            }
            List<ObjectNode> retry = new ArrayList<>();
            for (int from = 0; from < open.size(); from += 20) {
                List<ObjectNode> batch = open.subList(from, Math.min(open.size(), from + 20));
                List<EventResult> results = ingest.ingest(new ArrayList<JsonNode>(batch), LEASE);
                for (EventResult result : results) {
                    switch (result.status()) {
                        case ACCEPTED, DUPLICATE -> settled.incrementAndGet();
                        case FAILED -> {
                            failures.incrementAndGet();
                            retry.add(batch.get(result.index()));
                        }
                        default -> throw new AssertionError("unexpected " + result);
                    }
                }
            }
            open = retry;
            if (!open.isEmpty()) {
                sleep(300);
            }
        }
    }

    /** Views, clicks and carts of random items, and each shopper buys a few distinct items, at distinct times. */
    private static List<ObjectNode> events(Random random, List<CatalogItem> catalog) {
        List<ObjectNode> all = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofDays(2));
        for (int s = 0; s < SHOPPERS; s++) {
            List<CatalogItem> toBuy = new ArrayList<>(catalog);
            Collections.shuffle(toBuy, random);
            for (int e = 0; e < EVENTS_PER_SHOPPER; e++) {
                at = at.plusSeconds(7);
                boolean purchase = e % 10 == 9;
                CatalogItem item = purchase ? toBuy.remove(0) : catalog.get(random.nextInt(catalog.size()));
                ObjectNode node = JSON.createObjectNode().put("eventId", "ev-" + s + "-" + e)
                        .put("userId", "shopper-" + s).put("itemId", item.itemId())
                        .put("type", purchase ? "purchase" : random.nextBoolean() ? "view" : "click")
                        .put("timestamp", at.toString()).put("channel", "web");
                all.add(node);
            }
        }
        Collections.shuffle(all, random);
        return all;
    }

    private static void assertClose(Map<String, Double> expected, Map<String, Double> actual, String shopper) {
        assertEquals(expected.keySet(), actual.keySet(), shopper);
        expected.forEach((key, value) -> assertEquals(value, actual.get(key), 1e-6, shopper + " " + key));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
