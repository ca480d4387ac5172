package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.aws.AwsResources;
import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.core.domain.StockLevel;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Recommend's warm latency through the local API Gateway and the packaged function under AWS's runtime interface
 * client, beside the DynamoDB calls it is made of, on the same emulator in the same run: one {@code GetItem} of a
 * shopper's state and one {@code BatchGetItem} of the three keys recommend reads (state, profile, online stock). Read
 * units per call are those that {@code BatchGetItem} consumes (recommend issues exactly that read, strongly
 * consistent); each call also writes its impression (one {@code PutItem}).
 */
final class RecommendBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One measured operation: latencies in milliseconds. */
    record Timing(String name, DescriptiveStatistics millis) {
        double p(double percentile) {
            return millis.getPercentile(percentile);
        }
    }

    /** What one run measured. */
    record Result(Timing recommend, Timing getItem, Timing batchGet, double readUnitsPerCall, int shoppers) {
    }

    private final URI api;
    private final DynamoDbClient dynamo;
    private final AwsResources resources;
    private final List<String> shoppers;
    private final HttpClient http = HttpClient.newHttpClient();

    RecommendBenchmark(URI api, DynamoDbClient dynamo, AwsResources resources, List<String> shoppers) {
        this.api = api;
        this.dynamo = dynamo;
        this.resources = resources;
        this.shoppers = List.copyOf(shoppers);
    }

    /** Warms up, then measures {@code calls} calls of each operation, the three interleaved call by call. */
    Result run(int warmUp, int calls) {
        for (int i = 0; i < warmUp; i++) {
            recommend(i);
            getItem(i);
            batchGet(i);
        }
        Timing recommend = new Timing("recommend (GET /v1/users/{id}/recommendations?k=10)", new DescriptiveStatistics());
        Timing get = new Timing("GetItem (shopper state)", new DescriptiveStatistics());
        Timing batch = new Timing("BatchGetItem (state, profile, stock)", new DescriptiveStatistics());
        for (int i = 0; i < calls; i++) {
            time(recommend, this::recommend, i);
            time(get, this::getItem, i);
            time(batch, this::batchGet, i);
        }
        double units = 0;
        for (String shopper : shoppers) {
            units += dynamo.batchGetItem(b -> b.requestItems(Map.of(resources.featuresTable(),
                            KeysAndAttributes.builder().keys(DynamoFeatureStore.shopperContextKeys(shopper, null))
                                    .consistentRead(true).build()))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().stream()
                    .mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        }
        return new Result(recommend, get, batch, units / shoppers.size(), shoppers.size());
    }

    static void print(Result result, PrintStream out) {
        double base = result.getItem().p(50);
        out.println();
        out.printf("Recommend warm latency on the local emulator, %d calls each, %d shoppers (milliseconds)%n",
                (long) result.recommend().millis().getN(), result.shoppers());
        out.println("| operation | p50 | p90 | p99 | p50 / GetItem p50 |");
        out.println("|---|---|---|---|---|");
        for (Timing t : List.of(result.recommend(), result.getItem(), result.batchGet())) {
            out.printf("| %s | %.2f | %.2f | %.2f | %.2fx |%n", t.name(), t.p(50), t.p(90), t.p(99), t.p(50) / base);
        }
        out.printf("read units per recommend call: %.2f (the shopper's state and profile in one strongly consistent "
                + "BatchGetItem; the web shop's stock is read with a shopper once per stock refresh interval per "
                + "container); writes: one PutItem (the impression), after the answer is sent unless "
                + "OMNIREC_IMPRESSIONS_AFTER_RESPONSE=false; recommend runs in %d execution environments%n",
                result.readUnitsPerCall(), OmnirecLocal.RECOMMEND_ENVIRONMENTS);
    }

    /** The timings as JSON: percentiles and every call's latency, in milliseconds, in call order. */
    static JsonNode toJson(Result r) {
        ObjectNode root = JSON.createObjectNode().put("shoppers", r.shoppers())
                .put("calls", r.recommend().millis().getN()).put("readUnitsPerCall", r.readUnitsPerCall())
                .put("reference", r.getItem().name());
        ArrayNode operations = root.putArray("operations");
        for (Timing t : List.of(r.recommend(), r.getItem(), r.batchGet())) {
            ObjectNode o = operations.addObject().put("name", t.name()).put("p50", t.p(50)).put("p90", t.p(90))
                    .put("p99", t.p(99)).put("ratioToGetItemP50", t.p(50) / r.getItem().p(50));
            ArrayNode samples = o.putArray("samplesMs");
            for (double v : t.millis().getValues()) {
                samples.add(v);
            }
        }
        return root;
    }

    private static void time(Timing timing, IntConsumer call, int i) {
        long start = System.nanoTime();
        call.accept(i);
        timing.millis().addValue((System.nanoTime() - start) / 1e6);
    }

    private void recommend(int i) {
        URI uri = api.resolve("/v1/users/" + shopper(i) + "/recommendations?k=10");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void getItem(int i) {
        Map<String, AttributeValue> state = keys(shopper(i)).get(0);
        dynamo.getItem(b -> b.tableName(resources.featuresTable()).consistentRead(true).key(state));
    }

    private void batchGet(int i) {
        dynamo.batchGetItem(b -> b.requestItems(Map.of(resources.featuresTable(),
                KeysAndAttributes.builder().keys(keys(shopper(i))).consistentRead(true).build())));
    }

    private String shopper(int i) {
        return shoppers.get(i % shoppers.size());
    }

    /** Three keys, as the issue compares: the shopper's state and profile, and the web shop's stock item. */
    private static List<Map<String, AttributeValue>> keys(String userId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(DynamoFeatureStore.shopperContextKeys(userId, null));
        keys.add(DynamoFeatureStore.stockKeys(StockLevel.ONLINE).get(0));
        return keys;
    }
}
