package io.omnirec.http;

import io.omnirec.aws.AwsResources;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Primes, while the function initialises, what its first request would otherwise pay for: the DynamoDB client's
 * creation (the SDK's service model, endpoint rules and signer classes) and its first signed call and connection. It
 * runs on a background thread beside Quarkus' own start-up, with one {@code GetItem} of a key no record uses (half a
 * read unit per cold start); a request that arrives first simply waits for the client as it would have. A failure is
 * logged and changes nothing: the first request then pays as before.
 */
@Startup
@Singleton
public class FirstCallWarmup {
    private static final Logger LOG = Logger.getLogger(FirstCallWarmup.class);
    /** A key no record of the features table uses. */
    static final String KEY = "~warmup";

    FirstCallWarmup(Instance<DynamoDbClient> dynamo, AwsResources resources) {
        Thread thread = new Thread(() -> {
            try {
                dynamo.get().getItem(b -> b.tableName(resources.featuresTable())
                        .key(Map.of("pk", AttributeValue.fromS(KEY), "sk", AttributeValue.fromS(KEY))));
            } catch (RuntimeException e) {
                LOG.debugf("warm-up read failed (the first request pays for the connection): %s", e.getMessage());
            }
        }, "omnirec-warmup");
        thread.setDaemon(true);
        thread.start();
    }
}
