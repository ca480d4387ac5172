package io.omnirec.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the tables and buckets when they are missing: the one place their shape is defined for tests and the local
 * run. (Deployed stacks declare the same shapes in infrastructure code, with TTL on the events table's
 * {@code expiresAt}.)
 */
public final class Provisioning {
    private final DynamoDbClient dynamo;
    private final S3Client s3;

    public Provisioning(DynamoDbClient dynamo, S3Client s3) {
        this.dynamo = dynamo;
        this.s3 = s3;
    }

    public void ensure(AwsResources resources) {
        ensureTable(resources.eventsTable(), "eventId", null);
        ensureTable(resources.featuresTable(), "pk", "sk");
        ensureBucket(resources.modelsBucket());
        ensureBucket(resources.importsBucket());
    }

    private void ensureTable(String name, String partitionKey, String sortKey) {
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
        try {
            dynamo.createTable(CreateTableRequest.builder().tableName(name).attributeDefinitions(attributes)
                    .keySchema(keys).billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException e) {
            // created concurrently by another process
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
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
