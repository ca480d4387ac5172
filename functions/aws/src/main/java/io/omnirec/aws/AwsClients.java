package io.omnirec.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/**
 * SDK clients for code that runs outside Quarkus (adapter tests, the local stack) and talks to an endpoint override
 * such as the local emulators. Functions get their clients from the Quarkus extensions instead.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamo(URI endpoint, String accessKey, String secretKey) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
    }

    public static S3Client s3(URI endpoint, String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new NoExpectContinue()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
    }

    /**
     * Drops {@code Expect: 100-continue} from S3 uploads. Against the emulator, the URL connection client's
     * 100-continue handling now and then fails a PUT on a connection the server has just closed, with an IOException
     * the SDK does not retry; without the header the body is simply sent.
     */
    private static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }
}
