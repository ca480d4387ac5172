package io.omnirec.aws.local;

import io.omnirec.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.UUID;

/**
 * The AWS endpoints tests run against, shared by every test in a JVM. By default both emulators are started once, on
 * free ports, and stopped when the JVM exits. Setting {@code OMNIREC_TEST_DYNAMODB_ENDPOINT} and
 * {@code OMNIREC_TEST_S3_ENDPOINT} (environment or system properties of the same name) points the same tests at any
 * other endpoint instead, such as LocalStack or a sandbox account; credentials then come from
 * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}.
 */
public final class TestAws {
    public static final String DYNAMODB_ENDPOINT = "OMNIREC_TEST_DYNAMODB_ENDPOINT";
    public static final String S3_ENDPOINT = "OMNIREC_TEST_S3_ENDPOINT";

    /** Where to reach DynamoDB and S3, and with which credentials. */
    public record Endpoints(URI dynamo, URI s3, String accessKey, String secretKey) {

        public DynamoDbClient dynamoClient() {
            return AwsClients.dynamo(dynamo, accessKey, secretKey);
        }

        public S3Client s3Client() {
            return AwsClients.s3(s3, accessKey, secretKey);
        }
    }

    private static Endpoints shared;

    private TestAws() {
    }

    public static synchronized Endpoints endpoints() {
        if (shared == null) {
            String dynamo = setting(DYNAMODB_ENDPOINT);
            String s3 = setting(S3_ENDPOINT);
            if (dynamo != null && s3 != null) {
                shared = new Endpoints(URI.create(dynamo), URI.create(s3), orDefault("AWS_ACCESS_KEY_ID"),
                        orDefault("AWS_SECRET_ACCESS_KEY"));
            } else {
                LocalAws aws = LocalAws.startEphemeral();
                Runtime.getRuntime().addShutdownHook(new Thread(aws::close, "stop-local-aws"));
                shared = new Endpoints(aws.dynamoEndpoint(), aws.s3Endpoint(), LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY);
            }
        }
        return shared;
    }

    /** A table or bucket name no other test uses: lower case, valid for both. */
    public static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String name) {
        String value = setting(name);
        return value == null ? LocalAws.ACCESS_KEY : value;
    }
}
