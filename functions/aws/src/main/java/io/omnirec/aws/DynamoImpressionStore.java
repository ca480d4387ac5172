package io.omnirec.aws;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.experiments.VariantTally;
import io.omnirec.core.store.ImpressionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Impressions in the feature table: {@code REC#<recommendationId> / IMPRESSION} with the shopper, variant, model
 * version, the items in order ({@code items}), the time and {@code expiresAt} (TTL, {@link #RETENTION}); one
 * {@code PutItem}: 1 write unit for an answer of 10 items (under 1 KB), up to 3 for 100 items with ids of ~8
 * characters. While an experiment runs the impression also carries {@code tally = <experimentId>#<variant>#<shard>},
 * the key of the sparse index {@value #INDEX} that the report queries ({@value #SHARDS} shards per variant, so no
 * index partition takes a variant's whole write rate). A credited event adds 1 to {@code r:<response>:<itemId>} with
 * one {@code UpdateItem}, conditioned on the impression existing and showing the item. The index
 * {@value #SHOPPER_INDEX} (keys only) finds a shopper's impressions for erasure.
 */
public final class DynamoImpressionStore implements ImpressionStore {
    public static final String INDEX = "impressions-by-experiment";
    public static final String TALLY = "tally";
    public static final String SHOPPER_INDEX = "impressions-by-shopper";
    public static final String SHOPPER = "shopper";
    static final String IMPRESSION = "IMPRESSION";
    static final int SHARDS = 8;
    static final Duration RETENTION = Duration.ofDays(30);
    private static final String RESPONSE_PREFIX = "r:";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoImpressionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String recPk(String recommendationId) {
        return "REC#" + recommendationId;
    }

    @Override
    public void record(Impression impression) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoFeatureStore.key(recPk(impression.recommendationId()),
                IMPRESSION));
        item.put(SHOPPER, Attributes.s(impression.shopperKey()));
        item.put("variant", Attributes.s(impression.variant()));
        if (impression.modelVersion() != null) {
            item.put("modelVersion", Attributes.s(impression.modelVersion()));
        }
        item.put("items", AttributeValue.fromL(impression.items().stream().map(Attributes::s).toList()));
        item.put("at", Attributes.n(impression.at().getEpochSecond()));
        item.put("expiresAt", Attributes.n(impression.at().plus(RETENTION).getEpochSecond()));
        if (impression.experimentId() != null) {
            item.put("experimentId", Attributes.s(impression.experimentId()));
            item.put(TALLY, Attributes.s(tallyKey(impression.experimentId(), impression.variant(),
                    shard(impression.recommendationId()))));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Attribution.Outcome credit(ShopperEvent event) {
        var response = Attribution.Response.of(event.type());
        if (response.isEmpty()) {
            return Attribution.Outcome.NOT_A_RESPONSE;
        }
        Map<String, AttributeValue> key = DynamoFeatureStore.key(recPk(event.recommendationId()), IMPRESSION);
        UpdateExpression update = new UpdateExpression()
                .add(responseAttribute(response.get(), event.itemId()), Attributes.n(1));
        String condition = "attribute_exists(" + update.name("pk") + ") AND contains(" + update.name("items") + ", "
                + update.value(Attributes.s(event.itemId())) + ")";
        try {
            dynamo.updateItem(update.applyTo(UpdateItemRequest.builder().tableName(table).key(key)
                    .conditionExpression(condition)).build());
            return Attribution.Outcome.CREDITED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(table).key(key)
                    .projectionExpression("pk")).item();
            return found == null || found.isEmpty() ? Attribution.Outcome.UNKNOWN_RECOMMENDATION
                    : Attribution.Outcome.NOT_SHOWN;
        }
    }

    @Override
    public int eraseShopper(String shopperKey) {
        int erased = 0;
        for (Map<String, AttributeValue> found : dynamo.queryPaginator(b -> b.tableName(table).indexName(SHOPPER_INDEX)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", SHOPPER))
                .expressionAttributeValues(Map.of(":s", Attributes.s(shopperKey)))).items()) {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", found.get("pk"), "sk", found.get("sk"))));
            erased++;
        }
        return erased;
    }

    @Override
    public Map<String, VariantTally> tally(String experimentId) {
        Map<String, VariantTally> tallies = new TreeMap<>();
        for (String variant : List.of(Experiment.CHAMPION, Experiment.CHALLENGER)) {
            long[] counts = new long[4];
            Map<Integer, long[]> positions = new TreeMap<>();
            for (int shard = 0; shard < SHARDS; shard++) {
                String tally = tallyKey(experimentId, variant, shard);
                dynamo.queryPaginator(b -> b.tableName(table).indexName(INDEX)
                                .keyConditionExpression("#t = :t")
                                .expressionAttributeNames(Map.of("#t", TALLY))
                                .expressionAttributeValues(Map.of(":t", Attributes.s(tally))))
                        .items().forEach(item -> count(item, counts, positions));
            }
            if (counts[0] > 0) {
                List<VariantTally.PositionTally> byPosition = new ArrayList<>();
                positions.forEach((position, n) ->
                        byPosition.add(new VariantTally.PositionTally(position, n[0], n[1], n[2])));
                tallies.put(variant, new VariantTally(variant, counts[0], counts[1], counts[2], counts[3],
                        byPosition));
            }
        }
        return tallies;
    }

    /** Adds one impression to its variant's counts: served, got each response at all, responses per position. */
    private static void count(Map<String, AttributeValue> item, long[] counts, Map<Integer, long[]> positions) {
        counts[0]++;
        List<String> items = item.containsKey("items") ? item.get("items").l().stream().map(AttributeValue::s).toList()
                : List.of();
        boolean[] got = new boolean[Attribution.Response.values().length];
        for (Attribution.Response response : Attribution.Response.values()) {
            for (int i = 0; i < items.size(); i++) {
                AttributeValue n = item.get(responseAttribute(response, items.get(i)));
                if (n != null) {
                    got[response.ordinal()] = true;
                    positions.computeIfAbsent(i + 1, p -> new long[3])[response.ordinal()] += Long.parseLong(n.n());
                }
            }
        }
        for (int r = 0; r < got.length; r++) {
            counts[r + 1] += got[r] ? 1 : 0;
        }
    }

    private static String responseAttribute(Attribution.Response response, String itemId) {
        return RESPONSE_PREFIX + response.name().toLowerCase(Locale.ROOT) + ":" + itemId;
    }

    static String tallyKey(String experimentId, String variant, int shard) {
        return experimentId + "#" + variant + "#" + shard;
    }

    static int shard(String recommendationId) {
        CRC32 crc = new CRC32();
        crc.update(recommendationId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SHARDS);
    }
}
