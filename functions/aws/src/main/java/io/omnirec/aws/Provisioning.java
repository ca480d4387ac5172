package io.omnirec.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the tables and buckets of {@link StorageLayout} when they are missing, for the tests and the local run. (The
 * deployed stack declares the same layout in the CDK app, adding TTL, point-in-time recovery and encryption.)
 */
public final class Provisioning {
    private final DynamoDbClient dynamo;
    private final S3Client s3;

    public Provisioning(DynamoDbClient dynamo, S3Client s3) {
        this.dynamo = dynamo;
        this.s3 = s3;
    }

    public void ensure(AwsResources resources) {
        for (StorageLayout.Table table : StorageLayout.tables()) {
            String name = resources.name(table);
            ensureTable(name, table.partitionKey(), table.sortKey(), table.indexes().stream()
                    .map(Provisioning::index).toList());
            for (StorageLayout.Index index : table.indexes()) {
                ensureIndex(name, index.name());
            }
        }
        for (StorageLayout.Bucket bucket : StorageLayout.buckets()) {
            ensureBucket(resources.name(bucket));
        }
    }

    /** A global secondary index keyed by one string attribute. */
    private static GlobalSecondaryIndex index(StorageLayout.Index index) {
        Projection.Builder projection = Projection.builder()
                .projectionType(ProjectionType.fromValue(index.projection().name()));
        if (!index.included().isEmpty()) {
            projection.nonKeyAttributes(index.included());
        }
        return GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(KeySchemaElement.builder().attributeName(index.attribute()).keyType(KeyType.HASH).build())
                .projection(projection.build()).build();
    }

    /** Creates a table on demand (pay per request) with its keys and indexes, each on one string attribute. */
    private void ensureTable(String name, String partitionKey, String sortKey, List<GlobalSecondaryIndex> indexes) {
        try {
            dynamo.describeTable(b -> b.tableName(name));
            return;
        } catch (ResourceNotFoundException e) {
            // missing: create it below
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder().attributeName(partitionKey).attributeType(ScalarAttributeType.S).build());
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            attributes.add(AttributeDefinition.builder().attributeName(sortKey).attributeType(ScalarAttributeType.S).build());
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        CreateTableRequest.Builder create = CreateTableRequest.builder().tableName(name).keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        for (GlobalSecondaryIndex index : indexes) {
            attributes.add(AttributeDefinition.builder().attributeName(index.keySchema().get(0).attributeName())
                    .attributeType(ScalarAttributeType.S).build());
        }
        if (!indexes.isEmpty()) {
            create.globalSecondaryIndexes(indexes);
        }
        try {
            dynamo.createTable(create.attributeDefinitions(attributes).build());
        } catch (ResourceInUseException e) {
            // created concurrently by another process
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    /**
     * Checks that a table has a global secondary index. Tables get their indexes when created; one created by an
     * earlier version lacks this one (the local DynamoDB emulator cannot add an index to a table).
     */
    private void ensureIndex(String table, String index) {
        boolean exists = dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                .anyMatch(gsi -> gsi.indexName().equals(index));
        if (!exists) {
            throw new IllegalStateException("table " + table + " was created by an earlier version without index "
                    + index + "; delete it (locally: the .local/ folder) and run again");
        }
    }

    private void ensureBucket(String name) {
        try {
            s3.headBucket(b -> b.bucket(name));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(name));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // created concurrently by another process
            }
        }
    }
}
