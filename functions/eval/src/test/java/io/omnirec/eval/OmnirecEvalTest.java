package io.omnirec.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands of {@code omnirec-eval}, run as the launcher runs them, on small data made here. */
class OmnirecEvalTest {

    static int run(String... args) {
        return new CommandLine(new OmnirecEval()).execute(args);
    }

    @Test
    void recommend_shouldWriteTopKPerShopperAndReportBadRows_whenGivenRetailerFiles(@TempDir Path dir)
            throws IOException {
        SyntheticDataset data = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(3)).generate();
        Files.writeString(dir.resolve("catalog.csv"), data.catalogCsv());
        Files.writeString(dir.resolve("customers.csv"), data.customersCsv());
        StringBuilder csv = new StringBuilder("user_id,item_id,timestamp,type,store_id,channel\n");
        data.events().forEach(e -> csv.append(e.userId()).append(',').append(e.itemId()).append(',')
                .append(e.timestamp()).append(',').append(e.type().wireName()).append(',')
                .append(e.storeId() == null ? "" : e.storeId()).append(',').append(e.channel().wireName()).append('\n'));
        csv.append("u000001,i00001,not-a-time,view,,web\n");
        Files.writeString(dir.resolve("interactions.csv"), csv.toString());
        Files.writeString(dir.resolve("users.txt"), "u000001\nu000002\nnobody-yet\n");
        int exit = run("recommend", "--catalog", dir.resolve("catalog.csv").toString(), "--customers",
                dir.resolve("customers.csv").toString(), "--interactions", dir.resolve("interactions.csv").toString(),
                "--users", dir.resolve("users.txt").toString(), "--k", "5", "--out", dir.resolve("recs.csv").toString());
        assertEquals(0, exit);
        List<String> lines = Files.readAllLines(dir.resolve("recs.csv"));
        assertEquals("user_id,item_id,rank,score", lines.get(0));
        assertEquals(1 + 3 * 5, lines.size(), "5 items for each of the 3 shoppers, the unknown one included");
        assertTrue(lines.get(1).startsWith("u000001,") && lines.get(1).split(",")[2].equals("1"));
        String rejected = Files.readString(dir.resolve("interactions.csv.rejected.csv"));
        assertTrue(rejected.contains("invalid_timestamp"), rejected);
    }

    @Test
    void synthetic_shouldReportAllItemsAndNewItems_whenRunOnASmallWorld(@TempDir Path dir) throws IOException {
        assertEquals(0, run("synthetic", "--shoppers", "300", "--items", "120", "--days", "40", "--json",
                dir.resolve("report.json").toString()));
        JsonNode all = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode fresh = new ObjectMapper().readTree(dir.resolve("report.new-items.json").toFile());
        assertEquals("omnirec", all.path("rows").get(0).path("system").asText());
        assertTrue(all.path("rows").get(0).path("metrics").path("ndcg").asDouble() > 0);
        assertTrue(fresh.path("title").asText().contains("NEW ITEMS ONLY"));
    }

    @Test
    void movielens_shouldRunTheProtocolOnTheFilesGiven_whenTheDataIsInTheMovieLensLayout(@TempDir Path dir)
            throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml-100k"));
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            items.add(i + "|Movie " + i + " (1995)|01-Jan-1995||http://example|0|" + (i % 2) + "|" + ((i + 1) % 2)
                    + "|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0");
        }
        Files.write(ml.resolve("u.item"), items);
        List<String> users = new ArrayList<>();
        for (int u = 1; u <= 30; u++) {
            users.add(u + "|" + (18 + u) + "|" + (u % 2 == 0 ? "F" : "M") + "|other|" + (10000 + u));
        }
        Files.write(ml.resolve("u.user"), users);
        Random random = new Random(1);
        List<String> ratings = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int u = 1; u <= 30; u++) {
            for (int k = 0; k < 12; k++) {
                int item = 1 + (u % 2) + 2 * random.nextInt(20);
                ratings.add(u + "\t" + item + "\t" + (1 + random.nextInt(5)) + "\t" + (880_000_000 + ratings.size()));
                if (k % 4 == 3) {
                    test.add(String.valueOf(ratings.size()));
                }
            }
        }
        Files.write(ml.resolve("u.data"), ratings);
        Path splits = Files.createDirectories(dir.resolve("ml-100k-splits"));
        Files.write(splits.resolve("item_stratified_75_seed42.test-lines.txt"), test);
        assertEquals(0, run("movielens", "--path", ml.toString(), "--json", dir.resolve("ml.json").toString()));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("ml.json").toFile());
        assertEquals(30, report.path("facts").path("evaluated users").asInt());
        assertTrue(report.path("rows").get(0).path("metrics").path("precision").asDouble() > 0.05,
                "users who rate one parity of items get that parity back");
    }

    @Test
    void benchTrain_shouldWriteWallTimeAndPeakHeapPerSize_whenAskedForJson(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("training.json");
        assertEquals(0, run("bench-train", "--interactions", "2000,4000", "--heap", "512m", "--json", json.toString()));
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).path("rows");
        assertEquals(2, rows.size(), "one row per size, each from its own JVM");
        assertTrue(rows.get(1).path("events").asLong() > rows.get(0).path("events").asLong());
        assertTrue(rows.get(0).path("peakHeapMb").asDouble() > 0 && rows.get(0).path("seconds").asDouble() > 0);
    }
}
