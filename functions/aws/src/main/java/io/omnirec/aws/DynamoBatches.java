package io.omnirec.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's batch calls with what they leave to the caller: splitting into calls of at most 100 keys to read or 25
 * writes, and sending again, with a growing pause, what DynamoDB left unprocessed (it does so under throttling; the
 * SDK's own retries cover failed calls, not partly done ones).
 */
final class DynamoBatches {
    static final int MAX_GET = 100;
    static final int MAX_WRITE = 25;
    private static final int MAX_RETRIES = 8;

    private DynamoBatches() {
    }

    /** The items found for {@code keys} (strongly consistent), in no particular order. */
    static List<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table,
                                                 List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_GET) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + MAX_GET))).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.unprocessedKeys();
                backOff(attempt, !request.isEmpty());
            }
        }
        return found;
    }

    /** Carries out every write, {@value #MAX_WRITE} per call. */
    static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += MAX_WRITE) {
            Map<String, List<WriteRequest>> request = Map.of(table,
                    writes.subList(from, Math.min(writes.size(), from + MAX_WRITE)));
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> pending = request;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(pending));
                request = response.unprocessedItems();
                backOff(attempt, !request.isEmpty());
            }
        }
    }

    private static void backOff(int attempt, boolean retrying) {
        if (!retrying) {
            return;
        }
        if (attempt >= MAX_RETRIES) {
            throw new IllegalStateException("DynamoDB left items unprocessed after " + MAX_RETRIES + " retries");
        }
        try {
            Thread.sleep(Math.min(1000, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a DynamoDB batch", e);
        }
    }
}
