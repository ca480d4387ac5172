package io.omnirec.aws;

import io.omnirec.aws.local.TestAws;
import io.omnirec.core.store.AggregateStore;
import io.omnirec.core.store.AggregateStoreContract;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.EventStoreContract;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.FeatureStoreContract;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ImpressionStoreContract;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.store.ModelStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The store contracts, run against DynamoDB and S3 (the local emulators unless configured otherwise). */
class AwsStoresTest {
    static DynamoDbClient dynamo;
    static S3Client s3;

    @BeforeAll
    static void clients() {
        TestAws.Endpoints endpoints = TestAws.endpoints();
        dynamo = endpoints.dynamoClient();
        s3 = endpoints.s3Client();
    }

    /** Fresh, uniquely named tables and buckets. */
    static AwsResources freshResources() {
        AwsResources resources = new AwsResources(TestAws.uniqueName("events"), TestAws.uniqueName("features"),
                TestAws.uniqueName("models"), "models/", "aggregates/", TestAws.uniqueName("imports"));
        new Provisioning(dynamo, s3).ensure(resources);
        return resources;
    }

    @Nested
    class Events extends EventStoreContract {
        @Override
        protected EventStore newStore() {
            return new DynamoEventStore(dynamo, freshResources().eventsTable());
        }
    }

    @Nested
    class Features extends FeatureStoreContract {
        @Override
        protected FeatureStore newStore() {
            return new DynamoFeatureStore(dynamo, freshResources().featuresTable());
        }
    }

    @Nested
    class Impressions extends ImpressionStoreContract {
        @Override
        protected ImpressionStore newStore() {
            return new DynamoImpressionStore(dynamo, freshResources().featuresTable());
        }
    }

    @Nested
    class Models extends ModelStoreContract {
        @Override
        protected ModelStore newStore() {
            AwsResources resources = freshResources();
            return new S3ModelStore(s3, resources.modelsBucket(), resources.modelsPrefix());
        }
    }

    @Nested
    class AggregateBuilds extends AggregateStoreContract {
        @Override
        protected AggregateStore newStore() {
            AwsResources resources = freshResources();
            return new S3AggregateStore(s3, resources.modelsBucket(), resources.aggregatesPrefix());
        }
    }
}
