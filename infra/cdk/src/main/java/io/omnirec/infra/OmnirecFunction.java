package io.omnirec.infra;

import software.amazon.awscdk.Duration;

/**
 * One of Omnirec's four Lambda functions as deployed: its module, handler and size.
 *
 * @param name     the module under {@code functions/}, whose {@code target/function.zip} is deployed
 * @param handler  the JVM handler
 * @param memoryMb memory (and so CPU) in MB
 * @param timeout  how long one invocation may run
 * @param http     behind the HTTP API: SnapStart and a published alias; otherwise invoked asynchronously (S3,
 *                 EventBridge), with retries and a dead-letter queue
 */
public record OmnirecFunction(String name, String handler, int memoryMb, Duration timeout, boolean http) {
    private static final String HTTP_HANDLER = "io.omnirec.http.ApiGatewayHandler::handleRequest";
    private static final String STREAM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** Events, profiles, items and stock over the API; one event costs about three writes. */
    public static final OmnirecFunction INGEST = new OmnirecFunction("ingest", HTTP_HANDLER, 1024,
            Duration.seconds(29), true);
    /** Bulk imports from the imports bucket: a 1M-row file streams within one run. */
    public static final OmnirecFunction FEATURES = new OmnirecFunction("features", STREAM_HANDLER, 3008,
            Duration.minutes(15), false);
    /** Event repair, the aggregates and training, on schedule. */
    public static final OmnirecFunction TRAIN = new OmnirecFunction("train", STREAM_HANDLER, 10240,
            Duration.minutes(15), false);
    /** Recommendations, similar items, rank and experiments; holds the model and aggregates per container. */
    public static final OmnirecFunction RECOMMEND = new OmnirecFunction("recommend", HTTP_HANDLER, 2048,
            Duration.seconds(15), true);
}
