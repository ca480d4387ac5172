package io.omnirec.aws;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.ingest.Activity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events accepted per minute and channel, in the features table: one counter item per minute in each of
 * {@value #SHARDS} partitions ({@code pk = ~activity#<shard>}, {@code sk} the minute), so that live traffic spreads
 * its writes. Recording a batch costs one {@code UpdateItem} (an {@code ADD} per channel); reading the last minutes one
 * {@code Query} per shard. Counters expire after {@value #RETENTION_DAYS} days (TTL on {@code expiresAt}).
 */
public final class DynamoActivityCounters {
    static final int SHARDS = 8;
    static final int RETENTION_DAYS = 2;
    private static final String PREFIX = "~activity#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoActivityCounters(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Adds a batch's accepted events to this minute's counters.
     *
     * @param spreadBy any text that differs between requests (e.g. the first event's id): picks the shard
     */
    public void record(Map<Channel, Long> accepted, String spreadBy) {
        if (accepted.isEmpty()) {
            return;
        }
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        accepted.forEach((channel, count) -> {
            names.put("#" + channel.wireName(), channel.wireName());
            values.put(":" + channel.wireName(), Attributes.n(count));
            adds.add("#" + channel.wireName() + " :" + channel.wireName());
        });
        values.put(":expires", Attributes.n(minute.plus(Duration.ofDays(RETENTION_DAYS)).getEpochSecond()));
        int shard = Math.floorMod(spreadBy == null ? 0 : spreadBy.hashCode(), SHARDS);
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", Attributes.s(PREFIX + shard), "sk", Attributes.s(minute.toString())))
                .updateExpression("ADD " + String.join(", ", adds) + " SET expiresAt = :expires")
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** The last {@code minutes} minutes, oldest first, every minute present (zero when nothing was accepted). */
    public List<Activity.Minute> recent(int minutes) {
        Instant last = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(Duration.ofMinutes(minutes - 1L));
        Map<Instant, Map<String, Long>> byMinute = new TreeMap<>();
        for (Instant m = first; !m.isAfter(last); m = m.plus(Duration.ofMinutes(1))) {
            Map<String, Long> zero = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                zero.put(channel.wireName(), 0L);
            }
            byMinute.put(m, zero);
        }
        for (int shard = 0; shard < SHARDS; shard++) {
            String pk = PREFIX + shard;
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", Attributes.s(pk), ":from", Attributes.s(first.toString()),
                            ":to", Attributes.s(last.toString())))).items()) {
                Map<String, Long> counts = byMinute.get(Instant.parse(item.get("sk").s()));
                if (counts != null) {
                    for (Channel channel : Channel.values()) {
                        AttributeValue count = item.get(channel.wireName());
                        if (count != null) {
                            counts.merge(channel.wireName(), Long.parseLong(count.n()), Long::sum);
                        }
                    }
                }
            }
        }
        return byMinute.entrySet().stream().map(e -> new Activity.Minute(e.getKey(), e.getValue())).toList();
    }
}
