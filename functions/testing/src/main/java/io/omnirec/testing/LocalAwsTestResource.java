package io.omnirec.testing;

import io.omnirec.aws.AwsClients;
import io.omnirec.aws.AwsResources;
import io.omnirec.aws.Provisioning;
import io.omnirec.aws.local.TestAws;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test at the shared test endpoints ({@link TestAws}: the local emulators, started once per JVM,
 * unless configured otherwise) with freshly provisioned, uniquely named tables and buckets.
 */
public class LocalAwsTestResource implements QuarkusTestResourceLifecycleManager {

    /** The names the current test application uses, for tests that inspect storage directly. */
    public static volatile AwsResources resources;

    @Override
    public Map<String, String> start() {
        TestAws.Endpoints endpoints = TestAws.endpoints();
        AwsResources names = new AwsResources(TestAws.uniqueName("events"), TestAws.uniqueName("features"),
                TestAws.uniqueName("models"), "models/", TestAws.uniqueName("imports"));
        new Provisioning(AwsClients.dynamo(endpoints.dynamo(), endpoints.accessKey(), endpoints.secretKey()),
                AwsClients.s3(endpoints.s3(), endpoints.accessKey(), endpoints.secretKey())).ensure(names);
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
        config.put("omnirec.events-table", names.eventsTable());
        config.put("omnirec.features-table", names.featuresTable());
        config.put("omnirec.models-bucket", names.modelsBucket());
        config.put("omnirec.models-prefix", names.modelsPrefix());
        config.put("omnirec.imports-bucket", names.importsBucket());
        return config;
    }

    @Override
    public void stop() {
        // the emulators are shared by every test of this JVM and stop when it exits
    }
}
