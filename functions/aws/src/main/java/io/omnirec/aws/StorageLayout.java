package io.omnirec.aws;

import java.util.List;

/**
 * The shape of every table and bucket Omnirec keeps, defined once: {@link Provisioning} creates them from it for the
 * tests and the local run, and the CDK stack declares the deployed ones from it, so the two cannot drift.
 */
public final class StorageLayout {

    /** What a global secondary index copies from the table. */
    public enum Projection { ALL, KEYS_ONLY, INCLUDE }

    /**
     * A global secondary index keyed by one string attribute.
     *
     * @param name       index name
     * @param attribute  its partition key
     * @param projection what it copies
     * @param included   the attributes it copies besides the keys, for {@link Projection#INCLUDE} (writes to other
     *                   attributes then cost the index nothing)
     */
    public record Index(String name, String attribute, Projection projection, List<String> included) {
        public Index {
            included = List.copyOf(included);
            if ((projection == Projection.INCLUDE) == included.isEmpty()) {
                throw new IllegalArgumentException("an INCLUDE projection, and only one, names its attributes");
            }
        }

        public Index(String name, String attribute, Projection projection) {
            this(name, attribute, projection, List.of());
        }
    }

    /**
     * A DynamoDB table, billed per request, its keys and indexes string attributes.
     *
     * @param partitionKey partition key attribute
     * @param sortKey      sort key attribute, or {@code null}
     * @param indexes      global secondary indexes
     * @param ttlAttribute the epoch-seconds attribute DynamoDB's TTL deletes by
     */
    public record Table(String partitionKey, String sortKey, List<Index> indexes, String ttlAttribute) {
    }

    /**
     * An S3 bucket.
     *
     * @param versioned whether every overwrite keeps the previous version (models and aggregates: roll back)
     */
    public record Bucket(boolean versioned) {
    }

    /**
     * Every attribute of a stored event ({@link DynamoEventStore#toItem}) but its key: what the time index copies, so
     * that a window is read from the index alone while writes of the event's state cost the index nothing.
     */
    public static final List<String> EVENT_ATTRIBUTES = List.of("userId", "itemId", "type", "ts", "channel",
            "storeId", "sessionId", "recommendationId", "quantity", "unitPrice", "orderId", "rating", "query",
            "properties");

    /** Shopper events (key {@code eventId}). */
    public static final Table EVENTS = new Table("eventId", null, List.of(
            new Index(DynamoEventStore.PENDING_INDEX, DynamoEventStore.PENDING, Projection.ALL),
            new Index(DynamoEventStore.USER_INDEX, "userId", Projection.KEYS_ONLY),
            new Index(DynamoEventStore.MONTH_INDEX, DynamoEventStore.MONTH, Projection.INCLUDE,
                    EVENT_ATTRIBUTES)), "expiresAt");

    /** Catalog, profiles, stock, shopper state and impressions (keys {@code pk}, {@code sk}). */
    public static final Table FEATURES = new Table("pk", "sk", List.of(
            new Index(DynamoImpressionStore.INDEX, DynamoImpressionStore.TALLY, Projection.ALL),
            new Index(DynamoImpressionStore.SHOPPER_INDEX, DynamoImpressionStore.SHOPPER, Projection.KEYS_ONLY),
            new Index(DynamoFeatureStore.KIND_INDEX, DynamoFeatureStore.KIND, Projection.ALL)),
            "expiresAt");

    /** Model versions, the champion pointer and aggregate builds. */
    public static final Bucket MODELS = new Bucket(true);

    /** Bulk uploads and their rejection reports. */
    public static final Bucket IMPORTS = new Bucket(false);

    private StorageLayout() {
    }

    /** Every table. */
    public static List<Table> tables() {
        return List.of(EVENTS, FEATURES);
    }

    /** Every bucket. */
    public static List<Bucket> buckets() {
        return List.of(MODELS, IMPORTS);
    }
}
