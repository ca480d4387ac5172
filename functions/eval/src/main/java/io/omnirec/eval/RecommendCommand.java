package io.omnirec.eval;

import io.omnirec.core.imports.Csv;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportReport;
import io.omnirec.core.imports.InteractionImport;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code omnirec-eval recommend}: Omnirec on a retailer's own files. Imports the catalog (and customers), imports the
 * interactions through ingest, builds the aggregates, trains, and writes the top k for each listed shopper as
 * {@code user_id,item_id,rank,score}, with the same code the functions run.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Train on your own catalog and interactions and write the top k per shopper as CSV.")
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--catalog", required = true, description = "catalog CSV in the import format")
    Path catalog;

    @Option(names = "--customers", description = "customers CSV in the import format")
    Path customers;

    @Option(names = "--interactions", required = true, description = "CSV (user_id,item_id,timestamp,type,store_id,"
            + "channel) or JSON Lines of events (.jsonl / .ndjson)")
    Path interactions;

    @Option(names = "--users", required = true, description = "one shopper id per line")
    Path users;

    @Option(names = "--k", defaultValue = "50", description = "items per shopper, 1-100")
    int k;

    @Option(names = "--out", required = true, description = "where to write user_id,item_id,rank,score")
    Path out;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Pipeline pipeline = new Pipeline();
        pipeline.setNow(Instant.now());
        report("catalog", pipeline.importCsv(ImportKind.CATALOG, Files.readString(catalog, StandardCharsets.UTF_8)));
        if (customers != null) {
            report("customers", pipeline.importCsv(ImportKind.CUSTOMERS,
                    Files.readString(customers, StandardCharsets.UTF_8)));
        }
        InteractionImport history = pipeline.historyImport();
        InteractionImport.Report imported;
        try (InputStream in = Files.newInputStream(interactions)) {
            String name = interactions.getFileName().toString();
            imported = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? history.importJsonLines(in)
                    : history.importCsv(in);
        }
        System.out.printf("interactions: %d rows, %d accepted, %d duplicates, %d rejected%n", imported.rows(),
                imported.accepted(), imported.duplicates(), imported.rejected());
        writeRejections(interactions, imported.rejectionsCsv());
        long ingested = System.nanoTime();
        TrainingConfig config = TrainingConfig.defaults(seed);
        TrainingOutcome outcome = pipeline.train(config);
        System.out.printf("model: %s (%s)%n", outcome.status(), outcome.reason());
        pipeline.buildAggregates(config.aggregates());
        long trained = System.nanoTime();
        RecommendationService service = pipeline.recommender(config.candidates());
        List<String> shoppers = Files.readAllLines(users, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        long written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("user_id,item_id,rank,score\n");
            for (String shopper : shoppers) {
                Recommendations answer = service.recommend(shopper, k);
                int rank = 1;
                for (Recommendations.RecommendedItem item : answer.items()) {
                    writer.write(Csv.quote(shopper) + "," + Csv.quote(item.itemId()) + "," + rank++ + ","
                            + item.score() + "\n");
                    written++;
                }
            }
        }
        System.out.printf("wrote %d rows for %d shoppers to %s%n", written, shoppers.size(), out);
        System.out.printf("seconds: import / train / recommend: %.1f / %.1f / %.1f%n", (ingested - start) / 1e9,
                (trained - ingested) / 1e9, (System.nanoTime() - trained) / 1e9);
        return 0;
    }

    private static void report(String what, ImportReport report) {
        System.out.printf("%s: %d rows, %d imported, %d rejected%n", what, report.rows(), report.imported(),
                report.rejected());
    }

    private static void writeRejections(Path input, byte[] rejections) throws java.io.IOException {
        if (rejections.length > 0) {
            Path file = input.resolveSibling(input.getFileName() + ".rejected.csv");
            Files.write(file, rejections);
            System.out.println("rejected rows and reasons: " + file);
        }
    }
}
