package io.omnirec.aws;

import io.omnirec.core.aggregates.HeatTally;
import io.omnirec.core.store.HeatCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live sales heat in the features table: per minute, counter items in each of {@value #SHARDS} partitions
 * ({@code pk = ~heat#<shard>}, {@code sk = <epoch minute, 10 digits>#<part, 2 digits>}) whose attributes are the
 * counters, added to with {@code ADD}: {@code i<itemId>} the item's signal, {@code b<itemId>} its purchases and
 * {@code s<length of storeId>:<storeId><itemId>} the signal at a store. A request's tally costs one {@code UpdateItem}
 * per {@value #CHUNK} counters (one for a batch of up to 33 events about distinct items at stores); requests take the
 * shards in turn. Reading the minutes since a build costs one {@code Query} per shard (more pages when they are large).
 *
 * <p>Worst-case item size: each item keeps a running byte count ({@code n}) and takes a write only while it is below
 * {@value #PART_LIMIT} bytes; a write that finds it full goes to the minute's next part. One write adds at most
 * {@value #CHUNK} counters of at most 1 + 2 x 256 + 5 bytes of name and 21 of value, so no item exceeds about 310 KB,
 * well below DynamoDB's 400 KB. Counters expire after {@value #RETENTION_DAYS} days (TTL on {@code expiresAt}).
 */
public final class DynamoHeatCounters implements HeatCounters {
    static final int SHARDS = 8;
    static final int CHUNK = 100;
    static final int PART_LIMIT = 256_000;
    static final int RETENTION_DAYS = 3;
    private static final int MAX_PARTS = 100;
    private static final String PREFIX = "~heat#";
    static final char SIGNAL = 'i';
    static final char PURCHASES = 'b';
    static final char AT_STORE = 's';

    private final DynamoDbClient dynamo;
    private final String table;
    private final AtomicInteger nextShard = new AtomicInteger();

    public DynamoHeatCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(Instant acceptedAt, HeatTally tally) {
        List<Map.Entry<String, AttributeValue>> counters = new ArrayList<>();
        tally.signal().forEach((item, s) -> counters.add(Map.entry(SIGNAL + item, Attributes.n(s))));
        tally.purchases().forEach((item, p) -> counters.add(Map.entry(PURCHASES + item, Attributes.n(p))));
        tally.stores().forEach((store, items) -> items.forEach((item, s) ->
                counters.add(Map.entry(storeCounter(store, item), Attributes.n(s)))));
        long minute = acceptedAt.getEpochSecond() / 60;
        String pk = PREFIX + Math.floorMod(nextShard.getAndIncrement(), SHARDS);
        int part = 0;
        for (int from = 0; from < counters.size(); from += CHUNK) {
            part = write(pk, minute, part, counters.subList(from, Math.min(counters.size(), from + CHUNK)));
        }
    }

    /** Adds the counters to the first part of the minute with room; returns that part. */
    private int write(String pk, long minute, int firstPart, List<Map.Entry<String, AttributeValue>> counters) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        long bytes = 0;
        for (int k = 0; k < counters.size(); k++) {
            Map.Entry<String, AttributeValue> counter = counters.get(k);
            names.put("#c" + k, counter.getKey());
            values.put(":c" + k, counter.getValue());
            adds.add("#c" + k + " :c" + k);
            bytes += counter.getKey().getBytes(StandardCharsets.UTF_8).length + counter.getValue().n().length();
        }
        values.put(":bytes", Attributes.n(bytes));
        values.put(":limit", Attributes.n(PART_LIMIT));
        values.put(":expires", Attributes.n(Instant.ofEpochSecond(minute * 60)
                .plus(Duration.ofDays(RETENTION_DAYS)).getEpochSecond()));
        names.put("#n", "n");
        String update = "ADD " + String.join(", ", adds) + ", #n :bytes SET expiresAt = :expires";
        for (int part = firstPart; part < MAX_PARTS; part++) {
            String sk = sortKey(minute, part);
            try {
                dynamo.updateItem(b -> b.tableName(table)
                        .key(Map.of("pk", Attributes.s(pk), "sk", Attributes.s(sk)))
                        .updateExpression(update)
                        .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                        .expressionAttributeNames(names).expressionAttributeValues(values));
                return part;
            } catch (ConditionalCheckFailedException full) {
                // this part of the minute is full: the next one
            }
        }
        throw new IllegalStateException("every part of minute " + minute + " in " + pk + " is full");
    }

    @Override
    public NavigableMap<Instant, HeatTally> since(Instant from) {
        String fromKey = sortKey(from.getEpochSecond() / 60, 0);
        TreeMap<Instant, HeatTally> minutes = new TreeMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            String pk = PREFIX + shard;
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk >= :from")
                    .expressionAttributeValues(Map.of(":pk", Attributes.s(pk), ":from", Attributes.s(fromKey))))
                    .items()) {
                Instant minute = Instant.ofEpochSecond(Long.parseLong(item.get("sk").s().substring(0, 10)) * 60);
                minutes.merge(minute, tally(item), HeatTally::plus);
            }
        }
        return minutes;
    }

    /** A counter's name read back: what it counts ({@link #SIGNAL}, {@link #PURCHASES}, {@link #AT_STORE}). */
    record Counter(char kind, String store, String item) {
    }

    /** The name of an item's signal at a store: the store id's length first, so that any two ids decode apart. */
    static String storeCounter(String store, String item) {
        return String.valueOf(AT_STORE) + store.length() + ":" + store + item;
    }

    /** The counter an attribute name holds, or {@code null} for the item's own attributes (keys, size, expiry). */
    static Counter counter(String name) {
        if (name.length() < 2) {
            return null;
        }
        char kind = name.charAt(0);
        if (kind == SIGNAL || kind == PURCHASES) {
            return new Counter(kind, null, name.substring(1));
        }
        int colon = name.indexOf(':');
        if (kind != AT_STORE || colon < 2 || !name.substring(1, colon).chars().allMatch(c -> c >= '0' && c <= '9')
                || colon > 11) {
            return null;
        }
        int length = Integer.parseInt(name.substring(1, colon));
        if (colon + 1 + length >= name.length()) {
            return null;
        }
        return new Counter(kind, name.substring(colon + 1, colon + 1 + length), name.substring(colon + 1 + length));
    }

    /** The counters one item (a part of a minute in one shard) holds. */
    private static HeatTally tally(Map<String, AttributeValue> item) {
        Map<String, Double> signal = new HashMap<>();
        Map<String, Long> purchases = new HashMap<>();
        Map<String, Map<String, Double>> stores = new HashMap<>();
        item.forEach((name, value) -> {
            Counter counter = value.n() == null ? null : counter(name);
            if (counter == null) {
                return;
            }
            switch (counter.kind()) {
                case SIGNAL -> signal.put(counter.item(), Double.parseDouble(value.n()));
                case PURCHASES -> purchases.put(counter.item(), Long.parseLong(value.n()));
                default -> stores.computeIfAbsent(counter.store(), k -> new HashMap<>())
                        .put(counter.item(), Double.parseDouble(value.n()));
            }
        });
        return new HeatTally(signal, purchases, stores);
    }

    private static String sortKey(long minute, int part) {
        return String.format("%010d#%02d", minute, part);
    }
}
