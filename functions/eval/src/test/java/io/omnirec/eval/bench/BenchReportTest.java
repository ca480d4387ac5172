package io.omnirec.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report from the files the bench parts write: headline ratios against same-run references, plots, raw JSON. */
class BenchReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Machine MACHINE = new Machine("Test CPU", 2, 4096, "Linux", "Java 17", 0.5, "abc1234",
            Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void write_shouldReportRatiosToSameRunReferencesWithPlots_whenEveryPartSucceeded(@TempDir Path dir)
            throws IOException {
        writeQuality(dir.resolve("movielens.json"), 0.4824, 0.4820, 0.4687);
        writeQuality(dir.resolve("synthetic.json"), 0.2200, 0.1750, null);
        writeQuality(dir.resolve("synthetic.new-items.json"), 0.1600, 0.1700, null);
        JSON.writeValue(dir.resolve("training.json").toFile(), JSON.readTree("""
                {"heap": "3g", "rows": [
                 {"events": 10000, "shoppers": 250, "items": 500, "model": "promoted", "seconds": 4.0,
                  "aggregatesSeconds": 1.0, "trainingSeconds": 3.0, "holdingMb": 10, "peakHeapMb": 300},
                 {"events": 100000, "shoppers": 2500, "items": 500, "model": "promoted", "seconds": 70.0,
                  "aggregatesSeconds": 10.0, "trainingSeconds": 60.0, "holdingMb": 40, "peakHeapMb": 900}]}"""));
        JSON.writeValue(dir.resolve("ranking.json").toFile(), JSON.readTree("""
                {"unit": "us", "rank": {"p50": 450.0, "p90": 600.0, "p99": 770.0, "mean": 470.0},
                 "candidates": {"p50": 1000.0, "p90": 1200.0, "p99": 1600.0, "mean": 1050.0}}"""));
        Path log = Files.writeString(dir.resolve("ranking.log"), "setup\ncandidate pool: 416 items\n");
        JSON.writeValue(dir.resolve("local.json").toFile(), local());
        List<Part> parts = List.of(Part.ok("movielens", "Quality: MovieLens", 50, null),
                Part.ok("synthetic", "Quality: synthetic", 30, null), Part.ok("ranking", "Ranking", 60, log),
                Part.ok("training", "Training", 80, null), Part.ok("local", "Local stack", 200, null));

        BenchReport report = new BenchReport(MACHINE, true, 420, parts, dir);
        report.write();

        JsonNode written = JSON.readTree(dir.resolve("report.json").toFile());
        assertEquals("quick", written.path("mode").asText());
        assertEquals(2, written.path("results").path("local").path("recommendLatency").path("operations").path(0)
                .path("samplesMs").size(), "raw samples reach the JSON");
        assertEquals(List.of("1.00x", "1.03x", "1.26x", "0.94x", "4.00x", "", "2.00x", "1.25x", "0.20x", "0.50x", "",
                        ""),
                headlines(written, "ratio"));
        assertEquals(List.of("unmet", "met", "met", "unmet", "unmet", "met", "unmet", "met", "unmet", "", "unmet",
                "met"), headlines(written, "verdict"));
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(8, html.split("<svg", -1).length - 1, "one plot per quality variant, latency, cold start, "
                + "throughput and two for training");
        assertTrue(html.contains("416 candidates"), "the pool size is read from the ranking part's output");
        assertTrue(html.contains("Test CPU, 2 cores"));
        assertTrue(html.contains("EASE &amp; co"), "text is escaped");
    }

    @Test
    void write_shouldNameFailedAndSkippedPartsAndLeaveTheirSectionsOut_whenPartsDidNotRun(@TempDir Path dir)
            throws IOException {
        writeQuality(dir.resolve("movielens.json"), 0.48, 0.47, 0.46);
        List<Part> parts = List.of(Part.skipped("movielens", "Quality: MovieLens", "no MovieLens 100K at /x"),
                Part.failed("local", "Local stack", "exit code 1; see logs/local.log", 12));

        BenchReport report = new BenchReport(MACHINE, false, 60, parts, dir);
        report.write();

        JsonNode written = JSON.readTree(dir.resolve("report.json").toFile());
        assertFalse(written.path("results").has("movielens"), "a skipped part's old file is not reported");
        assertEquals(0, written.path("headlines").size());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("status-skipped") && html.contains("no MovieLens 100K at /x"));
        assertTrue(html.contains("status-failed") && html.contains("exit code 1"));
        assertFalse(html.contains("<svg"));
    }

    private static List<String> headlines(JsonNode report, String field) {
        return java.util.stream.StreamSupport.stream(report.path("headlines").spliterator(), false)
                .map(h -> h.path(field).asText()).toList();
    }

    private static void writeQuality(Path file, double omnirec, double best, Double published) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("title", "A comparison");
        root.putObject("facts").put("evaluated users", 943);
        ArrayNode rows = root.putArray("rows");
        row(rows, "omnirec", "measured", omnirec);
        row(rows, "EASE & co", "measured", best);
        row(rows, "fallback chain (no model)", "measured", omnirec + 0.01);
        row(rows, "popularity", "measured", best / 2);
        if (published != null) {
            row(rows, "BiVAE", "published", published);
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static void row(ArrayNode rows, String system, String source, double ndcg) {
        ObjectNode row = rows.addObject().put("system", system).put("source", source).put("shoppers", 10);
        row.putObject("metrics").put("ndcg", ndcg).put("precision", ndcg / 2);
    }

    private static JsonNode local() throws IOException {
        return JSON.readTree("""
                {"recommendLatency": {"shoppers": 5, "calls": 2, "readUnitsPerCall": 3.0, "operations": [
                  {"name": "recommend", "p50": 12.0, "p90": 14.0, "p99": 15.0, "samplesMs": [12.0, 14.0]},
                  {"name": "GetItem", "p50": 3.0, "p90": 4.0, "p99": 5.0, "samplesMs": [3.0, 4.0]},
                  {"name": "BatchGetItem", "p50": 3.5, "p90": 4.0, "p99": 5.0, "samplesMs": [3.5, 4.0]}]},
                 "coldStart": {"rounds": 1, "functions": [
                  {"name": "empty", "firstCall": "GET /ping", "medianInitMs": 1800, "medianFirstCallMs": 200,
                   "medianTotalMs": 2000, "ratioToBaseline": 1.0, "initMs": [1800], "firstCallMs": [200]},
                  {"name": "recommend", "firstCall": "GET", "medianInitMs": 3600, "medianFirstCallMs": 400,
                   "medianTotalMs": 4000, "ratioToBaseline": 2.0, "initMs": [3600], "firstCallMs": [400]},
                  {"name": "ingest", "firstCall": "POST", "medianInitMs": 2300, "medianFirstCallMs": 200,
                   "medianTotalMs": 2500, "ratioToBaseline": 1.25, "initMs": [2300], "firstCallMs": [200]}]},
                 "ingest": {"events": 1000, "clients": 4, "batch": 100, "eventsPerSecond": 200,
                  "rawPutItemPerSecond": 1000, "rawUpdateItemPerSecond": 1100, "ratioToRawPutItem": 0.2,
                  "singleEventP50Ms": 20, "singleEventP90Ms": 30, "resent": 0, "serverErrors": 0,
                  "recommendCallsDuringLoad": 50, "shoppers": 50, "mismatchedShoppers": 0},
                 "imports": {"rawRowsPerSecond": 2000,
                  "catalog": {"rows": 100, "imported": 100, "rejected": 0, "seconds": 0.1, "rowsPerSecond": 1000,
                   "ratioToRaw": 0.5},
                  "interactions": {"rows": 100, "imported": 100, "rejected": 0, "seconds": 0.2,
                   "rowsPerSecond": 500, "ratioToRaw": 0.25}}}""");
    }
}
