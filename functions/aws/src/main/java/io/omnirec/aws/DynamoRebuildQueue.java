package io.omnirec.aws;

import io.omnirec.core.store.RebuildQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The history import's rebuild queue in the feature table: an entry is {@code ~rebuild#<shard>} /
 * {@code <leaseUntil, epoch ms, 13 digits>#<id>} with the shopper keys in {@code shoppers} (a string set: at most one
 * batch of rows' shoppers, 1,000 keys of at most 256 bytes, 256 KB, below DynamoDB's 400 KB). The sort key starts
 * with the lease, so the expired entries of a shard are one {@code Query} with {@code sk < now}, never a scan.
 */
public final class DynamoRebuildQueue implements RebuildQueue {
    static final String PARTITION = "~rebuild#";
    static final int SHARDS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRebuildQueue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(Entry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry));
        item.put("id", Attributes.s(entry.id()));
        item.put("leaseUntil", Attributes.n(entry.leaseUntil().toEpochMilli()));
        item.put("shoppers", AttributeValue.fromSs(List.copyOf(entry.shopperKeys())));
        IdempotentPut.run("rebuild entry " + entry.id(), () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    @Override
    public void remove(Entry entry) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(entry)));
    }

    @Override
    public void forEachExpired(Instant now, Consumer<Entry> visitor) {
        for (int shard = 0; shard < SHARDS; shard++) {
            String partition = PARTITION + shard;
            dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk < :now")
                            .expressionAttributeValues(Map.of(":p", Attributes.s(partition),
                                    ":now", Attributes.s(sortPrefix(now)))).consistentRead(true)).items()
                    .forEach(item -> visitor.accept(new Entry(Attributes.str(item, "id"),
                            Set.copyOf(item.get("shoppers").ss()),
                            Instant.ofEpochMilli((long) Attributes.num(item, "leaseUntil")))));
        }
    }

    private static Map<String, AttributeValue> key(Entry entry) {
        return Map.of("pk", Attributes.s(PARTITION + Math.floorMod(entry.id().hashCode(), SHARDS)),
                "sk", Attributes.s(sortPrefix(entry.leaseUntil()) + "#" + entry.id()));
    }

    private static String sortPrefix(Instant at) {
        return String.format("%013d", Math.max(0, at.toEpochMilli()));
    }
}
