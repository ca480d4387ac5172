package io.omnirec.aws;

/**
 * The names of everything Omnirec keeps in AWS; all come from configuration.
 *
 * @param eventsTable   DynamoDB table of shopper events (key {@code eventId})
 * @param featuresTable DynamoDB single table of catalog, profiles and shopper state
 * @param modelsBucket  S3 bucket holding {@code modelsPrefix} and {@code aggregatesPrefix}
 * @param modelsPrefix  key prefix of model versions and the champion pointer, e.g. {@code models/}
 * @param aggregatesPrefix key prefix of aggregate builds and their pointer, e.g. {@code aggregates/}
 * @param importsBucket S3 bucket that bulk imports are uploaded to
 */
public record AwsResources(String eventsTable, String featuresTable, String modelsBucket, String modelsPrefix,
                           String aggregatesPrefix, String importsBucket) {

    /** The name of a table of the {@link StorageLayout}. */
    public String name(StorageLayout.Table table) {
        return table == StorageLayout.EVENTS ? eventsTable : featuresTable;
    }

    /** The name of a bucket of the {@link StorageLayout}. */
    public String name(StorageLayout.Bucket bucket) {
        return bucket == StorageLayout.MODELS ? modelsBucket : importsBucket;
    }
}
