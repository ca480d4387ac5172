package io.omnirec.aws;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventDetails;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventHistory;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.StoredEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Events in a DynamoDB table keyed by {@code eventId}; {@code expiresAt} (epoch seconds) lets DynamoDB TTL drop events
 * after the retention period. A {@code PENDING} event carries {@code pending} ({@code P#<shard>}, the key of the sparse
 * index {@value #PENDING_INDEX} the repair job reads, {@value #SHARDS} shards), {@code storedAt} and {@code leaseUntil}
 * (epoch milliseconds); marking it applied removes them, so the index holds only what needs repair. An
 * {@code UNRESOLVED} event has {@code unresolved}. Events written before these states read as applied. The live path's
 * methods are each one conditional single-item write or one read; the history import's ({@link #find},
 * {@link #storeApplied}) are batched. {@value #USER_INDEX} (keys only) finds a shopper's events for erasure and
 * rebuilds; {@value #MONTH_INDEX} (on {@code month} = {@code <yyyy-MM of the event's time>#<shard>}, copying the
 * event's own attributes but not its state) gives the events of a time window to the batch jobs, which never scan the
 * table: one index write per event stored, none when it is marked applied.
 */
public final class DynamoEventStore implements EventStore {
    private static final Logger LOG = Logger.getLogger(DynamoEventStore.class.getName());
    public static final Duration RETENTION = EventStore.HISTORY;
    public static final String PENDING_INDEX = "pending-events";
    public static final String PENDING = "pending";
    public static final String USER_INDEX = "events-by-user";
    public static final String MONTH_INDEX = "events-by-month";
    public static final String MONTH = "month";
    static final int SHARDS = 8;
    /** Partitions of {@value #MONTH_INDEX} {@link #window} reads at once. */
    static final int READERS = 8;
    /** Pages each partition {@link #window} reads ahead of its visitor, at most. */
    static final int PAGES_AHEAD = 2;
    private static final String STORED_AT = "storedAt";
    private static final String LEASE = "leaseUntil";
    private static final String UNRESOLVED = "unresolved";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEventStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<StoredEvent> claim(ShopperEvent event, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> item = toItem(event);
        item.put(PENDING, Attributes.s("P#" + Math.floorMod(event.eventId().hashCode(), SHARDS)));
        item.put(STORED_AT, Attributes.n(now.toEpochMilli()));
        item.put(LEASE, Attributes.n(leaseUntil.toEpochMilli()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(eventId)"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(get(event.eventId()).orElseThrow(() -> new IllegalStateException("event "
                    + event.eventId() + " was there and is gone (erased meanwhile); resend it")));
        }
    }

    @Override
    public Optional<StoredEvent> get(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(eventId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(storedFromItem(item));
    }

    @Override
    public Map<String, StoredEvent> find(Collection<String> eventIds) {
        Map<String, StoredEvent> found = new HashMap<>();
        DynamoBatches.get(dynamo, table, new HashSet<>(eventIds).stream().map(DynamoEventStore::key).toList())
                .forEach(item -> found.put(Attributes.str(item, "eventId"), storedFromItem(item)));
        return found;
    }

    /** One {@code BatchWriteItem} per {@value DynamoBatches#MAX_WRITE} events, each stored without a lease. */
    @Override
    public void storeApplied(List<ShopperEvent> events, Instant storedAt) {
        DynamoBatches.write(dynamo, table, events.stream().map(event -> {
            Map<String, AttributeValue> item = toItem(event);
            item.put(STORED_AT, Attributes.n(storedAt.toEpochMilli()));
            return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
        }).toList());
    }

    /** The ids from the keys-only index {@value #USER_INDEX}, then the events by {@code BatchGetItem}. */
    @Override
    public List<StoredEvent> shopperEvents(String shopperKey) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(USER_INDEX).keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", Attributes.s(shopperKey)))).items()
                .forEach(found -> keys.add(key(Attributes.str(found, "eventId"))));
        return DynamoBatches.get(dynamo, table, keys).stream().map(DynamoEventStore::storedFromItem).toList();
    }

    @Override
    public boolean takeOver(String eventId, Instant expected, Instant leaseUntil) {
        return update(eventId, "SET #lease = :lease", "attribute_exists(#pending) AND #lease = :expected",
                Map.of("#pending", PENDING, "#lease", LEASE), Map.of(":lease", Attributes.n(leaseUntil.toEpochMilli()),
                        ":expected", Attributes.n(expected.toEpochMilli())));
    }

    @Override
    public void release(String eventId) {
        update(eventId, "SET #lease = :lease", "attribute_exists(#pending)", Map.of("#pending", PENDING, "#lease", LEASE),
                Map.of(":lease", Attributes.n(0)));
    }

    @Override
    public void markApplied(String eventId) {
        update(eventId, "REMOVE #pending, #lease", "attribute_exists(eventId)",
                Map.of("#pending", PENDING, "#lease", LEASE), Map.of());
    }

    @Override
    public void markUnresolved(String eventId) {
        update(eventId, "SET #unresolved = :yes REMOVE #pending, #lease", "attribute_exists(eventId)",
                Map.of("#pending", PENDING, "#lease", LEASE, "#unresolved", UNRESOLVED),
                Map.of(":yes", AttributeValue.fromBool(true)));
    }

    /** One conditional update of an event; false when the condition did not hold. */
    private boolean update(String eventId, String expression, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> {
                b.tableName(table).key(key(eventId)).updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeNames(names);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void forEachPending(Consumer<StoredEvent> visitor) {
        for (int shard = 0; shard < SHARDS; shard++) {
            String partition = "P#" + shard;
            dynamo.queryPaginator(b -> b.tableName(table).indexName(PENDING_INDEX)
                            .keyConditionExpression("#pending = :p").expressionAttributeNames(Map.of("#pending", PENDING))
                            .expressionAttributeValues(Map.of(":p", Attributes.s(partition)))).items()
                    .forEach(item -> visitor.accept(storedFromItem(item)));
        }
    }

    @Override
    public void delete(String eventId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(eventId)));
    }

    @Override
    public int deleteShopperEvents(String shopperKey) {
        int deleted = 0;
        for (Map<String, AttributeValue> found : dynamo.queryPaginator(b -> b.tableName(table).indexName(USER_INDEX)
                .keyConditionExpression("userId = :u").expressionAttributeValues(Map.of(":u", Attributes.s(shopperKey))))
                .items()) {
            delete(Attributes.str(found, "eventId"));
            deleted++;
        }
        return deleted;
    }

    /**
     * One {@code Query} of {@value #MONTH_INDEX} per month and shard the window touches, {@value #READERS} of them at
     * once ({@link PartitionReader}: visited on the caller's thread in the order of a sequential read, with at most
     * {@value #PAGES_AHEAD} pages of 1 MB read ahead per partition), page by page (the index holds the events
     * themselves), and the events outside the window dropped. An item
     * this adapter cannot read back (written by something else, or by hand) is logged with its key and skipped, so
     * that one foreign item cannot stop every aggregates build and training run; a failed read fails the whole read.
     */
    @Override
    public EventHistory window(Instant from, Instant to) {
        List<String> partitions = new ArrayList<>();
        YearMonth last = YearMonth.from(to.atOffset(ZoneOffset.UTC));
        for (YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC)); !month.isAfter(last);
             month = month.plusMonths(1)) {
            for (int shard = 0; shard < SHARDS; shard++) {
                partitions.add(month + "#" + shard);
            }
        }
        return visitor -> PartitionReader.forEach(partitions, partition -> () -> dynamo.queryPaginator(b -> b
                        .tableName(table).indexName(MONTH_INDEX).keyConditionExpression("#m = :m")
                        .expressionAttributeNames(Map.of("#m", MONTH))
                        .expressionAttributeValues(Map.of(":m", Attributes.s(partition))))
                        .stream().map(QueryResponse::items).iterator(), READERS, PAGES_AHEAD,
                item -> visit(item, from, to, visitor));
    }

    private void visit(Map<String, AttributeValue> item, Instant from, Instant to, Consumer<ShopperEvent> visitor) {
        ShopperEvent event;
        try {
            event = fromItem(item);
        } catch (RuntimeException e) {
            LOG.warning(() -> "skipping unreadable item in " + table + " (eventId "
                    + (item.containsKey("eventId") ? item.get("eventId").s() : "missing") + "): " + e);
            return;
        }
        if (!event.timestamp().isBefore(from) && event.timestamp().isBefore(to)) {
            visitor.accept(event);
        }
    }

    /** The partition of {@value #MONTH_INDEX} an event is listed under. */
    static String month(ShopperEvent event) {
        return YearMonth.from(event.timestamp().atOffset(ZoneOffset.UTC)) + "#"
                + Math.floorMod(event.eventId().hashCode(), SHARDS);
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return Map.of("eventId", Attributes.s(eventId));
    }

    private static StoredEvent storedFromItem(Map<String, AttributeValue> item) {
        StoredEvent.State state = item.containsKey(PENDING) ? StoredEvent.State.PENDING
                : item.containsKey(UNRESOLVED) ? StoredEvent.State.UNRESOLVED : StoredEvent.State.APPLIED;
        Instant storedAt = Instant.ofEpochMilli((long) Attributes.num(item, STORED_AT));
        Instant lease = state == StoredEvent.State.PENDING ? Instant.ofEpochMilli((long) Attributes.num(item, LEASE))
                : Instant.EPOCH;
        return new StoredEvent(fromItem(item), state, storedAt, lease);
    }

    static Map<String, AttributeValue> toItem(ShopperEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventId", Attributes.s(e.eventId()));
        item.put("userId", Attributes.s(e.userId()));
        if (e.itemId() != null) {
            item.put("itemId", Attributes.s(e.itemId()));
        }
        item.put("type", Attributes.s(e.type().wireName()));
        item.put("ts", Attributes.s(e.timestamp().toString()));
        item.put("channel", Attributes.s(e.channel().wireName()));
        item.put("expiresAt", Attributes.n(e.timestamp().plus(RETENTION).getEpochSecond()));
        item.put(MONTH, Attributes.s(month(e)));
        if (e.storeId() != null) {
            item.put("storeId", Attributes.s(e.storeId()));
        }
        if (e.sessionId() != null) {
            item.put("sessionId", Attributes.s(e.sessionId()));
        }
        if (e.recommendationId() != null) {
            item.put("recommendationId", Attributes.s(e.recommendationId()));
        }
        EventDetails d = e.details();
        if (d.quantity() != 1) {
            item.put("quantity", Attributes.n(d.quantity()));
        }
        if (d.unitPrice() != null) {
            item.put("unitPrice", AttributeValue.fromN(Double.toString(d.unitPrice())));
        }
        if (d.orderId() != null) {
            item.put("orderId", Attributes.s(d.orderId()));
        }
        if (d.rating() != null) {
            item.put("rating", AttributeValue.fromN(Double.toString(d.rating())));
        }
        if (d.query() != null) {
            item.put("query", Attributes.s(d.query()));
        }
        if (!d.properties().isEmpty()) {
            Map<String, AttributeValue> properties = new HashMap<>();
            d.properties().forEach((k, v) -> properties.put(k, Attributes.s(v)));
            item.put("properties", AttributeValue.fromM(properties));
        }
        return item;
    }

    static ShopperEvent fromItem(Map<String, AttributeValue> item) {
        return new ShopperEvent(Attributes.str(item, "eventId"), Attributes.str(item, "userId"),
                Attributes.str(item, "itemId"), EventType.fromWire(Attributes.str(item, "type")).orElseThrow(),
                Instant.parse(Attributes.str(item, "ts")),
                Channel.fromWire(Attributes.str(item, "channel")).orElseThrow(), Attributes.str(item, "storeId"),
                Attributes.str(item, "sessionId"), Attributes.str(item, "recommendationId"), detailsFromItem(item));
    }

    private static EventDetails detailsFromItem(Map<String, AttributeValue> item) {
        Map<String, String> properties = new HashMap<>();
        if (item.containsKey("properties") && item.get("properties").hasM()) {
            item.get("properties").m().forEach((k, v) -> properties.put(k, v.s()));
        }
        return new EventDetails(item.containsKey("quantity") ? (int) Attributes.num(item, "quantity") : 1,
                item.containsKey("unitPrice") ? Attributes.num(item, "unitPrice") : null, Attributes.str(item, "orderId"),
                item.containsKey("rating") ? Attributes.num(item, "rating") : null, Attributes.str(item, "query"),
                properties);
    }
}
