package io.omnirec.aws;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Events in a DynamoDB table keyed by {@code eventId}. A conditional put makes a resend a duplicate; {@code expiresAt}
 * (epoch seconds) lets DynamoDB TTL drop events after the retention period.
 */
public final class DynamoEventStore implements EventStore {
    public static final Duration RETENTION = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEventStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean putIfAbsent(ShopperEvent event) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(event))
                    .conditionExpression("attribute_not_exists(eventId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<ShopperEvent> get(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("eventId", Attributes.s(eventId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void delete(String eventId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("eventId", Attributes.s(eventId))));
    }

    @Override
    public void forEach(Consumer<ShopperEvent> visitor) {
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> visitor.accept(fromItem(item)));
    }

    static Map<String, AttributeValue> toItem(ShopperEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventId", Attributes.s(e.eventId()));
        item.put("userId", Attributes.s(e.userId()));
        item.put("itemId", Attributes.s(e.itemId()));
        item.put("type", Attributes.s(e.type().wireName()));
        item.put("ts", Attributes.s(e.timestamp().toString()));
        item.put("channel", Attributes.s(e.channel().wireName()));
        item.put("expiresAt", Attributes.n(e.timestamp().plus(RETENTION).getEpochSecond()));
        if (e.storeId() != null) {
            item.put("storeId", Attributes.s(e.storeId()));
        }
        if (e.sessionId() != null) {
            item.put("sessionId", Attributes.s(e.sessionId()));
        }
        if (e.recommendationId() != null) {
            item.put("recommendationId", Attributes.s(e.recommendationId()));
        }
        return item;
    }

    static ShopperEvent fromItem(Map<String, AttributeValue> item) {
        return new ShopperEvent(Attributes.str(item, "eventId"), Attributes.str(item, "userId"),
                Attributes.str(item, "itemId"), EventType.fromWire(Attributes.str(item, "type")).orElseThrow(),
                Instant.parse(Attributes.str(item, "ts")),
                Channel.fromWire(Attributes.str(item, "channel")).orElseThrow(), Attributes.str(item, "storeId"),
                Attributes.str(item, "sessionId"), Attributes.str(item, "recommendationId"));
    }
}
