package io.omnirec.testing;

import io.omnirec.aws.AwsResources;
import io.omnirec.aws.DynamoEventStore;
import io.omnirec.aws.DynamoFeatureStore;
import io.omnirec.aws.DynamoImpressionStore;
import io.omnirec.aws.Provisioning;
import io.omnirec.aws.S3AggregateStore;
import io.omnirec.aws.S3ModelStore;
import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import io.omnirec.aws.local.TestAws;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test at the shared test endpoints ({@link TestAws}: the local emulators, started once per JVM,
 * unless configured otherwise) with freshly provisioned, uniquely named tables and buckets. The static helpers give
 * tests the same storage the application under test uses.
 */
public class LocalAwsTestResource implements QuarkusTestResourceLifecycleManager {

    /** The names the current test application uses. */
    public static volatile AwsResources resources;

    /** Init argument: {@code "unreachable"} points the application's S3 client at a closed port (an S3 outage). */
    public static final String S3 = "s3";
    private boolean s3Unreachable;

    @Override
    public void init(Map<String, String> initArgs) {
        s3Unreachable = "unreachable".equals(initArgs.get(S3));
    }

    @Override
    public Map<String, String> start() {
        TestAws.Endpoints endpoints = TestAws.endpoints();
        AwsResources names = new AwsResources(TestAws.uniqueName("events"), TestAws.uniqueName("features"),
                TestAws.uniqueName("models"), "models/", "aggregates/", TestAws.uniqueName("imports"));
        new Provisioning(endpoints.dynamoClient(), endpoints.s3Client()).ensure(names);
        resources = names;
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"dynamodb", "s3"}) {
            String prefix = "quarkus." + service + ".";
            config.put(prefix + "endpoint-override", (service.equals("s3") ? endpoints.s3() : endpoints.dynamo()).toString());
            config.put(prefix + "aws.region", "us-east-1");
            config.put(prefix + "aws.credentials.type", "static");
            config.put(prefix + "aws.credentials.static-provider.access-key-id", endpoints.accessKey());
            config.put(prefix + "aws.credentials.static-provider.secret-access-key", endpoints.secretKey());
            config.put(prefix + "devservices.enabled", "false");
        }
        config.put("quarkus.s3.path-style-access", "true");
        if (s3Unreachable) {
            config.put("quarkus.s3.endpoint-override", "http://127.0.0.1:1");
        }
        config.put("omnirec.events-table", names.eventsTable());
        config.put("omnirec.features-table", names.featuresTable());
        config.put("omnirec.models-bucket", names.modelsBucket());
        config.put("omnirec.models-prefix", names.modelsPrefix());
        config.put("omnirec.aggregates-prefix", names.aggregatesPrefix());
        config.put("omnirec.imports-bucket", names.importsBucket());
        return config;
    }

    @Override
    public void stop() {
        // the emulators are shared by every test of this JVM and stop when it exits
    }

    public static S3Client s3() {
        return TestAws.endpoints().s3Client();
    }

    public static DynamoEventStore events() {
        return new DynamoEventStore(TestAws.endpoints().dynamoClient(), resources.eventsTable());
    }

    public static DynamoFeatureStore features() {
        return new DynamoFeatureStore(TestAws.endpoints().dynamoClient(), resources.featuresTable());
    }

    public static DynamoImpressionStore impressions() {
        return new DynamoImpressionStore(TestAws.endpoints().dynamoClient(), resources.featuresTable());
    }

    public static S3ModelStore models() {
        return new S3ModelStore(s3(), resources.modelsBucket(), resources.modelsPrefix());
    }

    public static S3AggregateStore aggregates() {
        return new S3AggregateStore(s3(), resources.modelsBucket(), resources.aggregatesPrefix());
    }

    /** The aggregates job over the test application's stores, with the defaults the functions use. */
    public static AggregatesJob aggregatesJob(Clock clock) {
        return new AggregatesJob(events(), features(), aggregates(),
                new AggregateBuilder(AggregateConfig.defaults()), clock);
    }

    /** Reads the committed reference model in {@code model-artifacts/reference/} with every artifact it lists. */
    public static ModelArtifact referenceModel() {
        Path dir = Path.of(System.getProperty("localaws.root"), "model-artifacts", "reference");
        try {
            ModelCard card = ModelCard.fromJson(Files.readAllBytes(dir.resolve("card.json")));
            Map<String, byte[]> files = new HashMap<>();
            for (Map.Entry<String, ModelCard.Artifact> artifact : card.artifacts().entrySet()) {
                files.put(artifact.getKey(), Files.readAllBytes(dir.resolve(artifact.getValue().file())));
            }
            return new ModelArtifact(card, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample trigger event from {@code events/}, as it is committed. */
    public static String sampleEvent(String name) {
        try {
            return Files.readString(Path.of(System.getProperty("localaws.root"), "events", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
