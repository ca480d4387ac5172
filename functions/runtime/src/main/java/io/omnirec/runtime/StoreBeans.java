package io.omnirec.runtime;

import io.omnirec.aws.AwsResources;
import io.omnirec.aws.DynamoEventStore;
import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.aws.DynamoHeatCounters;
import io.omnirec.aws.DynamoImpressionStore;
import io.omnirec.aws.DynamoRebuildQueue;
import io.omnirec.aws.S3AggregateStore;
import io.omnirec.aws.S3ImportArchive;
import io.omnirec.aws.S3ModelStore;
import io.omnirec.aws.UploadRecords;
import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.store.AggregateStore;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.HeatCounters;
import io.omnirec.core.store.ImportArchive;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.store.RebuildQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/** The core's stores on DynamoDB and S3, built from the injected SDK clients and {@link OmnirecConfig}. */
@ApplicationScoped
public class StoreBeans {

    @Produces
    @Singleton
    AwsResources resources(OmnirecConfig config) {
        return new AwsResources(config.eventsTable(), config.featuresTable(), config.modelsBucket(),
                config.modelsPrefix(), config.aggregatesPrefix(), config.importsBucket());
    }

    @Produces
    @Singleton
    EventStore events(DynamoDbClient dynamo, AwsResources resources) {
        return new DynamoEventStore(dynamo, resources.eventsTable());
    }

    @Produces
    @Singleton
    FeatureStore features(DynamoDbClient dynamo, AwsResources resources) {
        return new DynamoFeatureStore(dynamo, resources.featuresTable());
    }

    @Produces
    @Singleton
    ImpressionStore impressions(DynamoDbClient dynamo, AwsResources resources) {
        return new DynamoImpressionStore(dynamo, resources.featuresTable());
    }

    /** Shoppers a history import must rebuild, kept in the feature table until done. */
    @Produces
    @Singleton
    RebuildQueue rebuildQueue(DynamoDbClient dynamo, AwsResources resources) {
        return new DynamoRebuildQueue(dynamo, resources.featuresTable());
    }

    /** Live sales heat: written by ingest per request, read by recommend on its refresh clock. */
    @Produces
    @Singleton
    HeatCounters heatCounters(DynamoDbClient dynamo, AwsResources resources) {
        return new DynamoHeatCounters(dynamo, resources.featuresTable());
    }

    @Produces
    @Singleton
    ImportArchive uploads(S3Client s3, AwsResources resources) {
        return new S3ImportArchive(s3, resources.importsBucket());
    }

    /** The summary of each import run, written by features and listed for operators by ingest. */
    @Produces
    @Singleton
    UploadRecords uploadRecords(S3Client s3, AwsResources resources, Clock clock) {
        return new UploadRecords(s3, resources.importsBucket(), clock);
    }

    @Produces
    @Singleton
    ModelStore models(S3Client s3, AwsResources resources) {
        return new S3ModelStore(s3, resources.modelsBucket(), resources.modelsPrefix());
    }

    @Produces
    @Singleton
    AggregateStore aggregates(S3Client s3, AwsResources resources) {
        return new S3AggregateStore(s3, resources.modelsBucket(), resources.aggregatesPrefix());
    }

    /** The batch feature job, run by the features function after imports and by train before training. */
    @Produces
    @Singleton
    AggregatesJob aggregatesJob(EventStore events, FeatureStore features, AggregateStore aggregates, Clock clock) {
        return new AggregatesJob(events, features, aggregates, new AggregateBuilder(AggregateConfig.defaults()), clock);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
