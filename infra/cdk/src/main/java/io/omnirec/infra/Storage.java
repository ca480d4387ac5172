package io.omnirec.infra;

import io.omnirec.aws.StorageLayout;
import io.omnirec.core.imports.ImportKind;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables and buckets of {@link StorageLayout} (the definition the tests and the local run provision from), as a
 * retailer's data deserves: tables on demand with point-in-time recovery, TTL and deletion protection; buckets
 * encrypted, private, TLS only, the models bucket versioned. Everything here is retained when the stack is deleted.
 */
public final class Storage extends Construct {
    /** How long rejection reports and superseded model objects are kept. */
    static final Duration KEEP_REPORTS = Duration.days(90);

    private final Table events;
    private final Table features;
    private final Bucket models;
    private final Bucket imports;

    public Storage(Construct scope, String id) {
        super(scope, id);
        events = table("Events", StorageLayout.EVENTS);
        features = table("Features", StorageLayout.FEATURES);
        models = bucket("Models", StorageLayout.MODELS, List.of(LifecycleRule.builder().id("superseded-versions")
                .noncurrentVersionExpiration(KEEP_REPORTS).noncurrentVersionsToRetain(3)
                .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()));
        imports = bucket("Imports", StorageLayout.IMPORTS, List.of(
                LifecycleRule.builder().id("rejection-reports").prefix(ImportKind.REJECTS_PREFIX)
                        .expiration(KEEP_REPORTS).build(),
                LifecycleRule.builder().id("import-summaries").prefix(ImportKind.SUMMARIES_PREFIX)
                        .expiration(KEEP_REPORTS).build(),
                LifecycleRule.builder().id("incomplete-uploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()));
    }

    public Table events() {
        return events;
    }

    public Table features() {
        return features;
    }

    public Bucket models() {
        return models;
    }

    public Bucket imports() {
        return imports;
    }

    /** The deployed table of a layout entry. */
    public Table table(StorageLayout.Table layout) {
        return layout == StorageLayout.EVENTS ? events : features;
    }

    private Table table(String id, StorageLayout.Table layout) {
        Table table = Table.Builder.create(this, id)
                .partitionKey(stringAttribute(layout.partitionKey()))
                .sortKey(layout.sortKey() == null ? null : stringAttribute(layout.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .timeToLiveAttribute(layout.ttlAttribute())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (StorageLayout.Index index : layout.indexes()) {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder().indexName(index.name())
                    .partitionKey(stringAttribute(index.attribute()))
                    .projectionType(ProjectionType.valueOf(index.projection().name()));
            if (!index.included().isEmpty()) {
                gsi.nonKeyAttributes(index.included());
            }
            table.addGlobalSecondaryIndex(gsi.build());
        }
        return table;
    }

    private Bucket bucket(String id, StorageLayout.Bucket layout, List<LifecycleRule> rules) {
        return Bucket.Builder.create(this, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(layout.versioned())
                .lifecycleRules(new ArrayList<>(rules))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
