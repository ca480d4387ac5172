package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.aws.AwsResources;
import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.ingest.EventJson;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Ingest under load through the local API Gateway and the packaged function: {@value #CLIENTS} clients send batches of
 * {@value #BATCH} events (resending what failed) while another asks for recommendations, beside raw {@code PutItem}
 * and {@code UpdateItem} throughput from as many threads on the same emulator in the same run; then single events one
 * at a time. Afterwards every benchmark shopper's interaction weights are compared with what was sent: the load test's
 * reconciliation. Figures are printed, never asserted.
 */
final class IngestBenchmark {
    static final int CLIENTS = 4;
    static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run measured. */
    record Result(int events, double eventsPerSecond, double putsPerSecond, double updatesPerSecond,
                  DescriptiveStatistics singleMillis, int resent, int serverErrors, int recommendCalls,
                  int shoppers, int mismatchedShoppers) {
    }

    private final URI api;
    private final DynamoDbClient dynamo;
    private final AwsResources resources;
    private final List<String> items;
    private final List<String> knownShoppers;
    private final HttpClient http = HttpClient.newHttpClient();

    IngestBenchmark(URI api, DynamoDbClient dynamo, AwsResources resources, List<String> items,
                    List<String> knownShoppers) {
        this.api = api;
        this.dynamo = dynamo;
        this.resources = resources;
        this.items = List.copyOf(items);
        this.knownShoppers = List.copyOf(knownShoppers);
    }

    Result run(int events, long seed) {
        String run = Long.toString(Math.abs(new Random(seed).nextLong()), 36);
        int shoppers = Math.max(1, events / 20);
        Random random = new Random(seed);
        Map<String, Map<String, Double>> expected = new HashMap<>();
        List<ShopperEvent> all = new ArrayList<>(events);
        Instant at = Instant.now().minusSeconds(3600);
        for (int i = 0; i < events; i++) {
            String shopper = "bench-" + run + "-" + random.nextInt(shoppers);
            String item = items.get(random.nextInt(items.size()));
            EventType type = random.nextBoolean() ? EventType.VIEW : EventType.CLICK;
            all.add(new ShopperEvent("bench-" + run + "-e" + i, shopper, item, type, at.plusMillis(i), Channel.WEB,
                    null, null, null));
            expected.computeIfAbsent(shopper, s -> new HashMap<>()).merge(item, type.affinityWeight(), Double::sum);
        }
        ConcurrentLinkedQueue<List<ShopperEvent>> batches = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        AtomicInteger resent = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger recommendCalls = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            senders.add(pool.submit(() -> {
                for (List<ShopperEvent> batch = batches.poll(); batch != null; batch = batches.poll()) {
                    sendUntilSettled(batch, resent, serverErrors);
                }
            }));
        }
        Future<?> reader = pool.submit(() -> {
            for (int i = 0; sending.get(); i++) {
                int status = get("/v1/users/" + knownShoppers.get(i % knownShoppers.size()) + "/recommendations?k=10");
                recommendCalls.incrementAndGet();
                if (status >= 500) {
                    serverErrors.incrementAndGet();
                }
            }
        });
        senders.forEach(IngestBenchmark::await);
        double seconds = (System.nanoTime() - start) / 1e9;
        sending.set(false);
        await(reader);
        // raw writes go to keys no reader of the features table visits, so they leave the product's data alone
        double puts = throughput(pool, events, i -> dynamo.putItem(b -> b.tableName(resources.featuresTable())
                .item(Map.of("pk", AttributeValue.fromS("BENCH#raw-" + run + "-" + i), "sk", AttributeValue.fromS("RAW"),
                        "userId", AttributeValue.fromS("raw-" + run), "itemId", AttributeValue.fromS(items.get(0))))));
        double updates = throughput(pool, events, i -> dynamo.updateItem(b -> b.tableName(resources.featuresTable())
                .key(Map.of("pk", AttributeValue.fromS("USER#raw-" + run + "-" + (i % shoppers)),
                        "sk", AttributeValue.fromS("STATE")))
                .updateExpression("ADD #w :one").expressionAttributeNames(Map.of("#w", "i:" + items.get(0)))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
        pool.shutdown();
        DescriptiveStatistics single = new DescriptiveStatistics();
        for (int i = 0; i < 100; i++) {
            ShopperEvent event = new ShopperEvent("bench-" + run + "-single-" + i, "bench-" + run + "-single",
                    items.get(i % items.size()), EventType.VIEW, at, Channel.WEB, null, null, null);
            long t = System.nanoTime();
            post(EventJson.toNode(event).toString());
            single.addValue((System.nanoTime() - t) / 1e6);
        }
        DynamoFeatureStore features = new DynamoFeatureStore(dynamo, resources.featuresTable());
        int mismatched = 0;
        for (Map.Entry<String, Map<String, Double>> shopper : expected.entrySet()) {
            Map<String, Double> actual = features.loadShopperContext(shopper.getKey()).state().items();
            if (!actual.equals(shopper.getValue())) {
                mismatched++;
            }
        }
        return new Result(events, events / seconds, puts, updates, single, resent.get(), serverErrors.get(),
                recommendCalls.get(), expected.size(), mismatched);
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.printf("Ingest on the local emulator: %d events in batches of %d from %d clients, with recommend calls"
                + " alongside%n", r.events(), BATCH, CLIENTS);
        out.println("| path | per second | / raw PutItem |");
        out.println("|---|---|---|");
        out.printf("| ingest, batches through the gateway (events) | %.0f | %.2fx |%n", r.eventsPerSecond(),
                r.eventsPerSecond() / r.putsPerSecond());
        out.printf("| raw PutItem, %d threads (writes) | %.0f | 1.00x |%n", CLIENTS, r.putsPerSecond());
        out.printf("| raw UpdateItem ADD, %d threads (writes) | %.0f | %.2fx |%n", CLIENTS, r.updatesPerSecond(),
                r.updatesPerSecond() / r.putsPerSecond());
        out.printf("single event, one at a time: p50 %.2f ms, p90 %.2f ms%n", r.singleMillis().getPercentile(50),
                r.singleMillis().getPercentile(90));
        out.printf("during the load: %d recommend calls, %d 5xx answers, %d events resent; reconciliation: %d of %d"
                + " shoppers differ from what was sent%n", r.recommendCalls(), r.serverErrors(), r.resent(),
                r.mismatchedShoppers(), r.shoppers());
    }

    static JsonNode toJson(Result r) {
        ObjectNode root = JSON.createObjectNode().put("events", r.events()).put("clients", CLIENTS)
                .put("batch", BATCH).put("eventsPerSecond", r.eventsPerSecond())
                .put("rawPutItemPerSecond", r.putsPerSecond()).put("rawUpdateItemPerSecond", r.updatesPerSecond())
                .put("ratioToRawPutItem", r.eventsPerSecond() / r.putsPerSecond())
                .put("singleEventP50Ms", r.singleMillis().getPercentile(50))
                .put("singleEventP90Ms", r.singleMillis().getPercentile(90))
                .put("resent", r.resent()).put("serverErrors", r.serverErrors())
                .put("recommendCallsDuringLoad", r.recommendCalls()).put("shoppers", r.shoppers())
                .put("mismatchedShoppers", r.mismatchedShoppers());
        ArrayNode samples = root.putArray("singleEventMs");
        for (double v : r.singleMillis().getValues()) {
            samples.add(v);
        }
        return root;
    }

    private void sendUntilSettled(List<ShopperEvent> batch, AtomicInteger resent, AtomicInteger serverErrors) {
        List<ShopperEvent> open = batch;
        for (int attempt = 0; !open.isEmpty(); attempt++) {
            if (attempt == 10) {
                throw new IllegalStateException(open.size() + " events never settled");
            }
            String body = EventJson.batch(open);
            HttpResponse<String> response = post(body);
            if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                resent.addAndGet(open.size());
                continue;
            }
            List<ShopperEvent> failed = new ArrayList<>();
            try {
                JsonNode results = JSON.readTree(response.body()).path("results");
                for (int i = 0; i < open.size(); i++) {
                    if ("failed".equals(results.path(i).path("status").asText())) {
                        failed.add(open.get(i));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable answer: " + response.body(), e);
            }
            resent.addAndGet(failed.size());
            open = failed;
        }
    }

    private HttpResponse<String> post(String body) {
        try {
            return http.send(HttpRequest.newBuilder(api.resolve("/v1/events")).header("content-type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST /v1/events failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(api.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    /** Operations per second with {@link #CLIENTS} threads doing {@code count} calls between them. */
    private static double throughput(ExecutorService pool, int count, IntConsumer call) {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    call.accept(i);
                }
            }));
        }
        workers.forEach(IngestBenchmark::await);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
