package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.imports.CatalogCsv;
import io.omnirec.core.imports.Csv;
import io.omnirec.core.imports.InteractionImport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Import throughput through the packaged features function: a catalog CSV and an interactions CSV of {@code rows}
 * rows each are uploaded to the imports bucket, then the function is invoked with their S3 notification and timed
 * (the upload is not; the aggregates rebuild that follows every import is). The reference, in the same run on the
 * same emulator: the same number of items written with raw {@code BatchWriteItem} calls of 25, from one thread as
 * the import writes. Figures are printed, never asserted.
 */
final class ImportBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_WRITE = 25;

    /** One import's figures. */
    record Run(String kind, long rows, long imported, long rejected, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** What one run measured; {@code rawRowsPerSecond} is the reference. */
    record Result(Run catalog, Run interactions, double rawRowsPerSecond) {
    }

    private final S3Notifications uploads;
    private final LocalFunction features;
    private final DynamoDbClient dynamo;
    private final String table;
    private final List<String> items;

    ImportBenchmark(S3Notifications uploads, LocalFunction features, DynamoDbClient dynamo, String featuresTable,
                    List<String> items) {
        this.uploads = uploads;
        this.features = features;
        this.dynamo = dynamo;
        this.table = featuresTable;
        this.items = List.copyOf(items);
    }

    Result run(int rows, long seed) throws IOException {
        return run(rows, rows, seed);
    }

    /** With an interactions file of another size than the catalog file (a 1M-row history beside a normal catalog). */
    Result run(int rows, int interactionRows, long seed) throws IOException {
        String run = Long.toString(Math.abs(new Random(seed).nextLong()), 36);
        Random random = new Random(seed);
        StringBuilder catalog = new StringBuilder(CatalogCsv.fullHeader()).append('\n');
        for (int i = 0; i < rows; i++) {
            catalog.append(CatalogCsv.line(new CatalogItem("bench-" + run + "-" + i, "Bench item " + i,
                    "Bench>Shelf " + (i % 50), "Brand " + (i % 200), 1 + random.nextInt(20_000) / 100.0,
                    i % 5 == 0, i % 5 == 0 ? 30 : 0, false))).append('\n');
        }
        StringBuilder interactions = new StringBuilder(String.join(",", InteractionImport.HEADER)).append('\n');
        Instant at = Instant.now().minusSeconds(86_400);
        for (int i = 0; i < interactionRows; i++) {
            interactions.append(String.join(",", Csv.quote("bench-" + run + "-u"
                            + random.nextInt(Math.max(1, interactionRows / 20))),
                    Csv.quote(items.get(random.nextInt(items.size()))), at.plusMillis(i).toString(),
                    i % 3 == 0 ? "click" : "view", "", "web")).append('\n');
        }
        Run catalogRun = importOne("catalog", "imports/catalog/bench-" + run + ".csv", catalog.toString(), rows);
        Run interactionsRun = importOne("interactions", "imports/interactions/bench-" + run + ".csv",
                interactions.toString(), interactionRows);
        return new Result(catalogRun, interactionsRun, rawWrites(run, rows));
    }

    private Run importOne(String kind, String key, String content, long rows) throws IOException {
        String notification = uploads.upload(Map.of(key, content));
        long start = System.nanoTime();
        LambdaRuntimeApi.Result result = features.invoke(notification);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.error()) {
            throw new IllegalStateException("the " + kind + " import failed: " + result.body());
        }
        JsonNode file = JSON.readTree(result.body()).path("files").path(0);
        return new Run(kind, rows, file.path("imported").asLong(), file.path("rejected").asLong(), seconds);
    }

    /** Rows per second written with raw BatchWriteItem calls of 25 items, resending what comes back unprocessed. */
    private double rawWrites(String run, int rows) {
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += BATCH_WRITE) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = from; i < Math.min(rows, from + BATCH_WRITE); i++) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        "pk", AttributeValue.fromS("BENCH#" + run + "-" + i), "sk", AttributeValue.fromS("RAW"),
                        "title", AttributeValue.fromS("Bench item " + i),
                        "price", AttributeValue.fromN(String.valueOf(i % 200)))).build()).build());
            }
            Map<String, List<WriteRequest>> open = Map.of(table, writes);
            while (!open.isEmpty()) {
                Map<String, List<WriteRequest>> request = open;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                open = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.printf("Imports through the features function on the local emulator, %d catalog and %d interaction rows%n",
                r.catalog().rows(), r.interactions().rows());
        out.println("| import | rows | imported | rejected | seconds | rows per second | / raw BatchWriteItem |");
        out.println("|---|---|---|---|---|---|---|");
        for (Run run : List.of(r.catalog(), r.interactions())) {
            out.printf("| %s | %d | %d | %d | %.2f | %.0f | %.2fx |%n", run.kind(), run.rows(), run.imported(),
                    run.rejected(), run.seconds(), run.rowsPerSecond(), run.rowsPerSecond() / r.rawRowsPerSecond());
        }
        out.printf("| raw BatchWriteItem of 25, one thread (items) | %d | | | | %.0f | 1.00x |%n", r.catalog().rows(),
                r.rawRowsPerSecond());
    }

    static JsonNode toJson(Result r) {
        ObjectNode root = JSON.createObjectNode().put("rawRowsPerSecond", r.rawRowsPerSecond());
        for (Run run : List.of(r.catalog(), r.interactions())) {
            root.putObject(run.kind()).put("rows", run.rows()).put("imported", run.imported())
                    .put("rejected", run.rejected()).put("seconds", run.seconds())
                    .put("rowsPerSecond", run.rowsPerSecond())
                    .put("ratioToRaw", run.rowsPerSecond() / r.rawRowsPerSecond());
        }
        return root;
    }
}
