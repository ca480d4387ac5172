package io.omnirec.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report of one {@code omnirec-eval bench} run: reads what each part wrote into the report directory, writes
 * {@code report.json} (every raw figure, the machine and each part's status) and {@code report.html} (headline
 * ratios against the same run's references and the design targets, a section per part with its plots and tables).
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POOL = Pattern.compile("candidate pool: (\\d+) items");

    private final Machine machine;
    private final boolean quick;
    private final double seconds;
    private final List<Part> parts;
    private final Path dir;
    private final Map<String, JsonNode> results = new LinkedHashMap<>();
    private final List<Map<String, Object>> headlines = new ArrayList<>();
    private final List<Map<String, Object>> sections = new ArrayList<>();

    public BenchReport(Machine machine, boolean quick, double seconds, List<Part> parts, Path dir) throws IOException {
        this.machine = machine;
        this.quick = quick;
        this.seconds = seconds;
        this.parts = List.copyOf(parts);
        this.dir = dir;
        for (String name : List.of("movielens", "synthetic", "synthetic.new-items", "ranking", "training", "local")) {
            Path file = dir.resolve(name + ".json");
            if (Files.exists(file) && ok(name.replace(".new-items", ""))) {
                results.put(name, JSON.readTree(file.toFile()));
            }
        }
        quality("movielens", "MovieLens 100K, published protocol", "nDCG@10 >= 0.49", 0.49, true);
        quality("synthetic", "Synthetic retail, all items", "1.20x the best single baseline", 1.2, false);
        quality("synthetic.new-items", "Synthetic retail, new items only", "1.20x the best single baseline", 1.2,
                false);
        JsonNode local = results.get("local");
        if (local != null) {
            latency(local.path("recommendLatency"));
            coldStart(local.path("coldStart"));
            ingestAndImports(local.path("ingest"), local.path("imports"));
        }
        training();
        ranking();
    }

    private boolean ok(String part) {
        return parts.stream().anyMatch(p -> p.name().equals(part) && p.status().equals("ok"));
    }

    /** Writes {@code report.json} and {@code report.html}. */
    public void write() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("machine", JSON.valueToTree(machineFacts()));
        root.put("mode", quick ? "quick" : "full").put("seconds", seconds);
        root.set("parts", JSON.valueToTree(parts.stream().map(p -> Map.of("name", p.name(), "title", p.title(),
                "status", p.status(), "detail", p.detail(), "seconds", p.seconds())).toList()));
        root.set("headlines", JSON.valueToTree(headlines));
        root.set("results", JSON.valueToTree(results));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("report.json").toFile(), root);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("mode", quick ? "Quick" : "Full");
        model.put("started", machine.started().toString());
        model.put("duration", String.format("%.1f min", seconds / 60));
        model.put("machine", machineFacts());
        model.put("memory", String.format("%,d MB", machine.memoryMb()));
        model.put("load", String.format("%.2f", machine.loadAverage()));
        model.put("headlines", headlines);
        model.put("parts", parts.stream().map(p -> Map.of("title", p.title(), "status", p.status(),
                "seconds", String.format("%.0f", p.seconds()), "detail", p.detail())).toList());
        model.put("sections", sections);
        Mustache template = new DefaultMustacheFactory("io/omnirec/eval/bench").compile("report.mustache");
        try (Writer out = Files.newBufferedWriter(dir.resolve("report.html"))) {
            template.execute(out, model);
        }
    }

    /** The headline table, as text. */
    public void printSummary(PrintStream out) {
        out.println();
        out.println("Headline figures (" + machine + ")");
        out.println("| figure | Omnirec | reference (same run) | ratio | target |");
        out.println("|---|---|---|---|---|");
        headlines.forEach(h -> out.printf("| %s | %s | %s | %s | %s |%n", h.get("figure"), h.get("value"),
                h.get("reference"), h.get("ratio"), h.get("verdict").toString().isEmpty() ? h.get("target")
                        : h.get("target") + " (" + h.get("verdict") + ")"));
        parts.stream().filter(p -> !p.status().equals("ok"))
                .forEach(p -> out.printf("%s: %s (%s)%n", p.title(), p.status(), p.detail()));
    }

    private Map<String, Object> machineFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cpu", machine.cpu());
        facts.put("cores", machine.cores());
        facts.put("memoryMb", machine.memoryMb());
        facts.put("os", machine.os());
        facts.put("java", machine.java());
        facts.put("loadAverageAtStart", machine.loadAverage());
        facts.put("commit", machine.commit());
        facts.put("started", machine.started().toString());
        return facts;
    }

    // ---- quality

    private void quality(String name, String title, String target, double goal, boolean absolute) {
        JsonNode report = results.get(name);
        if (report == null) {
            return;
        }
        List<JsonNode> rows = new ArrayList<>();
        report.path("rows").forEach(rows::add);
        rows.sort(Comparator.comparingDouble((JsonNode r) -> -r.path("metrics").path("ndcg").asDouble()));
        Map<String, Double> bars = Charts.ordered();
        List<Boolean> omnirec = new ArrayList<>();
        List<Boolean> copied = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        JsonNode ours = null;
        JsonNode bestSingle = null;
        JsonNode bestCopied = null;
        for (JsonNode row : rows) {
            String system = row.path("system").asText();
            String source = row.path("source").asText();
            boolean measured = source.equals("measured");
            boolean isOmnirec = system.equals("omnirec");
            bars.put(measured ? system : system + " (" + source + ")", row.path("metrics").path("ndcg").asDouble());
            omnirec.add(isOmnirec);
            copied.add(!measured);
            if (isOmnirec) {
                ours = row;
            } else if (measured && !system.contains("(no model)")) {
                bestSingle = bestSingle == null ? row : bestSingle;
            } else if (!measured && source.equals("published")) {
                bestCopied = bestCopied == null ? row : bestCopied;
            }
            JsonNode m = row.path("metrics");
            table.add(List.of(measured ? system : system + " (" + source + ")", f4(m, "precision"), f4(m, "recall"),
                    f4(m, "map"), f4(m, "ndcg"), f4(m, "ndcg_ci95"), f4(m, "hit_rate"), f4(m, "coverage"),
                    f4(m, "diversity")));
        }
        Map<String, Object> section = section(name.replace('.', '-'), title + " (nDCG@10)");
        notes(section).add(report.path("title").asText());
        report.path("facts").fields().forEachRemaining(f -> {
            if (f.getKey().startsWith("evaluated") || f.getKey().startsWith("model") && !f.getKey().contains("metrics")
                    && !f.getKey().contains("counts")) {
                notes(section).add(f.getKey() + ": " + (f.getValue().isTextual() ? f.getValue().asText() : f.getValue()));
            }
        });
        charts(section).add(Charts.bars(title + ": nDCG@10, k = 10", "nDCG@10", bars, omnirec::get, copied::get));
        tables(section).add(table("Every system of the run" + (bestCopied == null ? "" : ", beside copied rows"),
                List.of("system", "P@10", "R@10", "MAP", "nDCG@10", "± 95%", "HR@10", "coverage", "diversity"),
                table));
        if (ours == null || bestSingle == null) {
            return;
        }
        double value = ours.path("metrics").path("ndcg").asDouble();
        double reference = bestSingle.path("metrics").path("ndcg").asDouble();
        double ratio = value / reference;
        headline(title + ", nDCG@10", String.format("%.4f", value),
                String.format("%.4f (%s)", reference, bestSingle.path("system").asText()), String.format("%.2fx", ratio),
                target, absolute ? value >= goal : ratio >= goal);
        if (bestCopied != null) {
            double published = bestCopied.path("metrics").path("ndcg").asDouble();
            headline(title + ", nDCG@10 against the best published row", String.format("%.4f", value),
                    String.format("%.4f (%s, published)", published, bestCopied.path("system").asText()),
                    String.format("%.2fx", value / published), "above every published row", value > published);
        }
    }

    // ---- local stack

    private void latency(JsonNode latency) {
        Map<String, double[]> samples = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        double base = latency.path("operations").path(1).path("p50").asDouble();
        for (JsonNode op : latency.path("operations")) {
            samples.put(op.path("name").asText(), doubles(op.path("samplesMs")));
            rows.add(List.of(op.path("name").asText(), ms(op.path("p50")), ms(op.path("p90")), ms(op.path("p99")),
                    String.format("%.2fx", op.path("p50").asDouble() / base)));
        }
        Map<String, Object> section = section("latency", "Recommend warm latency beside GetItem");
        notes(section).add(String.format("%d calls of each operation for %d shoppers, interleaved call by call after "
                        + "a warm-up, on the same DynamoDB emulator: the packaged recommend function.zip under AWS's "
                        + "runtime interface client behind the local API Gateway. Read units per recommend call: %.2f.",
                latency.path("calls").asInt(), latency.path("shoppers").asInt(),
                latency.path("readUnitsPerCall").asDouble()));
        charts(section).add(Charts.distributions("Latency distribution (cut at the largest p99)", samples));
        tables(section).add(table("Milliseconds", List.of("operation", "p50", "p90", "p99", "p50 / GetItem p50"),
                rows));
        JsonNode recommend = latency.path("operations").path(0);
        double ratio = recommend.path("p50").asDouble() / base;
        headline("Recommend warm p50", ms(recommend.path("p50")) + " ms", ms(latency.path("operations").path(1)
                .path("p50")) + " ms (GetItem p50)", String.format("%.2fx", ratio), "within 3x of GetItem",
                ratio <= 3);
        double units = latency.path("readUnitsPerCall").asDouble();
        headline("Read units per recommend call", String.format("%.2f", units), "", "", "at most 4", units <= 4);
    }

    private void coldStart(JsonNode cold) {
        Map<String, double[]> stacks = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        JsonNode baseline = cold.path("functions").path(0);
        for (JsonNode f : cold.path("functions")) {
            stacks.put(f.path("name").asText(), new double[] {f.path("medianInitMs").asDouble(),
                f.path("medianFirstCallMs").asDouble()});
            rows.add(List.of(f.path("name").asText(), f.path("firstCall").asText(), ms0(f.path("medianInitMs")),
                    ms0(f.path("medianFirstCallMs")), ms0(f.path("medianTotalMs")),
                    String.format("%.2fx", f.path("ratioToBaseline").asDouble()), join(f.path("initMs")),
                    join(f.path("firstCallMs"))));
            String name = f.path("name").asText();
            double ratio = f.path("ratioToBaseline").asDouble();
            if (name.equals("recommend") || name.equals("ingest")) {
                double goal = name.equals("recommend") ? 1.5 : 1.3;
                headline(name + " cold start (init + first call)", ms0(f.path("medianTotalMs")) + " ms",
                        ms0(baseline.path("medianTotalMs")) + " ms (empty Quarkus Lambda)",
                        String.format("%.2fx", ratio), String.format("within %.1fx of the empty Lambda", goal),
                        ratio <= goal);
            }
        }
        Map<String, Object> section = section("cold-start", "Cold start of each packaged function");
        notes(section).add(String.format("Medians of %d rounds; in each round every function.zip starts once under "
                + "AWS's runtime interface client, the empty Quarkus HTTP Lambda (infra/baseline-lambda, built by the "
                + "same build) first. Init is process start to the first poll for an invocation.",
                cold.path("rounds").asInt()));
        charts(section).add(Charts.stacked("Cold start, median (milliseconds)", "milliseconds",
                List.of("init", "first call"), stacks));
        tables(section).add(table("Milliseconds", List.of("function", "first call", "init", "first call", "total",
                "/ empty", "init, every round", "first call, every round"), rows));
    }

    private void ingestAndImports(JsonNode ingest, JsonNode imports) {
        Map<String, Object> section = section("throughput", "Ingest and imports beside raw writes");
        Map<String, Double> bars = Charts.ordered();
        bars.put("ingest: events through the gateway", ingest.path("eventsPerSecond").asDouble());
        bars.put("raw PutItem, same threads", ingest.path("rawPutItemPerSecond").asDouble());
        bars.put("raw UpdateItem ADD, same threads", ingest.path("rawUpdateItemPerSecond").asDouble());
        bars.put("catalog import: rows", imports.path("catalog").path("rowsPerSecond").asDouble());
        bars.put("interactions import: rows", imports.path("interactions").path("rowsPerSecond").asDouble());
        bars.put("raw BatchWriteItem of 25, one thread", imports.path("rawRowsPerSecond").asDouble());
        charts(section).add(Charts.bars("Per second on the local emulator", "per second", bars,
                i -> i == 0 || i == 3 || i == 4, i -> i == 1 || i == 2 || i == 5));
        notes(section).add(String.format("Ingest: %,d view and click events in batches of %d from %d clients, "
                        + "resending what failed, while another client asked for recommendations (%d calls, %d answers "
                        + "5xx); %d events resent; %d of %d shoppers' stored state differs from what was sent. "
                        + "Single events one at a time: p50 %.2f ms, p90 %.2f ms.",
                ingest.path("events").asInt(), ingest.path("batch").asInt(), ingest.path("clients").asInt(),
                ingest.path("recommendCallsDuringLoad").asInt(), ingest.path("serverErrors").asInt(),
                ingest.path("resent").asInt(), ingest.path("mismatchedShoppers").asInt(),
                ingest.path("shoppers").asInt(), ingest.path("singleEventP50Ms").asDouble(),
                ingest.path("singleEventP90Ms").asDouble()));
        notes(section).add("Imports: a catalog and an interactions CSV uploaded to the imports bucket, then the "
                + "features function invoked with their S3 notification and timed, the aggregates rebuild that follows "
                + "every import included.");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ingest (events)", String.format("%,.0f", ingest.path("eventsPerSecond").asDouble()),
                String.format("%.2fx of raw PutItem", ingest.path("ratioToRawPutItem").asDouble())));
        rows.add(List.of("raw PutItem (writes)", String.format("%,.0f", ingest.path("rawPutItemPerSecond").asDouble()),
                "1.00x"));
        for (String kind : List.of("catalog", "interactions")) {
            JsonNode run = imports.path(kind);
            rows.add(List.of(String.format("%s import, %,d rows (%,d imported, %,d rejected)", kind,
                            run.path("rows").asLong(), run.path("imported").asLong(), run.path("rejected").asLong()),
                    String.format("%,.0f", run.path("rowsPerSecond").asDouble()),
                    String.format("%.2fx of raw BatchWriteItem", run.path("ratioToRaw").asDouble())));
        }
        rows.add(List.of("raw BatchWriteItem (items)", String.format("%,.0f", imports.path("rawRowsPerSecond")
                .asDouble()), "1.00x"));
        tables(section).add(table("Per second", List.of("path", "per second", "ratio"), rows));
        double eventsPerSecond = ingest.path("eventsPerSecond").asDouble();
        headline("Ingest, batches through the gateway", String.format("%,.0f events/s", eventsPerSecond),
                String.format("%,.0f raw PutItem/s", ingest.path("rawPutItemPerSecond").asDouble()),
                String.format("%.2fx", ingest.path("ratioToRawPutItem").asDouble()),
                ">= 2,000 events/s per instance, none lost", eventsPerSecond >= 2000
                        && ingest.path("mismatchedShoppers").asInt() == 0);
        JsonNode catalog = imports.path("catalog");
        headline("Catalog import", String.format("%,.0f rows/s", catalog.path("rowsPerSecond").asDouble()),
                String.format("%,.0f raw BatchWriteItem items/s", imports.path("rawRowsPerSecond").asDouble()),
                String.format("%.2fx", catalog.path("ratioToRaw").asDouble()), "", null);
    }

    // ---- training and ranking

    private void training() {
        JsonNode report = results.get("training");
        if (report == null) {
            return;
        }
        List<double[]> time = new ArrayList<>();
        List<double[]> heap = new ArrayList<>();
        List<double[]> holding = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        JsonNode previous = null;
        for (JsonNode row : report.path("rows")) {
            double events = row.path("events").asDouble();
            time.add(new double[] {events, row.path("seconds").asDouble()});
            heap.add(new double[] {events, row.path("peakHeapMb").asDouble()});
            holding.add(new double[] {events, row.path("holdingMb").asDouble()});
            rows.add(List.of(String.format("%,d", row.path("events").asLong()), row.path("shoppers").asText(),
                    row.path("items").asText(), row.path("model").asText(),
                    String.format("%.1f", row.path("seconds").asDouble()),
                    String.format("%.1f / %.1f", row.path("aggregatesSeconds").asDouble(),
                            row.path("trainingSeconds").asDouble()),
                    String.format("%,.0f", row.path("holdingMb").asDouble()),
                    String.format("%,.0f", row.path("peakHeapMb").asDouble()),
                    previous == null ? "" : String.format("%.1fx events, %.1fx time, %.1fx peak heap",
                            events / previous.path("events").asDouble(),
                            row.path("seconds").asDouble() / previous.path("seconds").asDouble(),
                            row.path("peakHeapMb").asDouble() / previous.path("peakHeapMb").asDouble())));
            previous = row;
            long n = row.path("events").asLong();
            double seconds = row.path("seconds").asDouble();
            if (n >= 90_000 && n < 200_000) {
                headline(String.format("Training, %,d events", n), String.format("%.1f s, peak heap %,.0f MB", seconds,
                        row.path("peakHeapMb").asDouble()), "", "", "< 60 s within a 3 GB heap", seconds < 60);
            } else if (n >= 900_000) {
                headline(String.format("Training, %,d events", n), String.format("%.1f s, peak heap %,.0f MB", seconds,
                        row.path("peakHeapMb").asDouble()), "", "", "< 10 min within a 3 GB heap", seconds < 600);
            }
        }
        Map<String, Object> section = section("training", "Training time and memory as the history grows");
        notes(section).add("Each size in a fresh JVM with a " + report.path("heap").asText() + " heap: the synthetic "
                + "history loaded into in-memory stores, then the aggregates job and training timed. Peak heap is the "
                + "sum of the heap pools' peaks (an upper bound); the heap holding the data is measured after a GC "
                + "before the work starts.");
        charts(section).add(Charts.growth("Wall time", "events", "seconds", Map.of("aggregates + training",
                time.toArray(double[][]::new))));
        Map<String, double[][]> memory = new LinkedHashMap<>();
        memory.put("peak heap", heap.toArray(double[][]::new));
        memory.put("heap holding the data", holding.toArray(double[][]::new));
        charts(section).add(Charts.growth("Memory", "events", "MB", memory));
        tables(section).add(table("Per history size", List.of("events", "shoppers", "items", "model", "seconds",
                "aggregates / training s", "holding MB", "peak heap MB", "growth"), rows));
    }

    private void ranking() {
        JsonNode report = results.get("ranking");
        if (report == null) {
            return;
        }
        String pool = parts.stream().filter(p -> p.name().equals("ranking") && p.log() != null).findFirst()
                .flatMap(p -> poolSize(p.log())).orElse("about 500");
        Map<String, Object> section = section("ranking", "Ranking compute (JMH)");
        notes(section).add("JMH sample time, one fork: feature vectors from the registry plus the promoted model's "
                + "scores for the largest candidate pool among 300 shoppers of a 3,000-shopper, 2,000-item synthetic "
                + "world (" + pool + " candidates), and candidate generation for the same pool.");
        List<List<String>> rows = new ArrayList<>();
        for (String name : List.of("rank", "candidates")) {
            JsonNode b = report.path(name);
            rows.add(List.of(name, us(b.path("p50")), us(b.path("p90")), us(b.path("p99")), us(b.path("mean"))));
        }
        tables(section).add(table("Milliseconds", List.of("benchmark", "p50", "p90", "p99", "mean"), rows));
        double p50 = report.path("rank").path("p50").asDouble() / 1000;
        headline("Ranking " + pool + " candidates, p50", String.format("%.3f ms", p50), "", "", "< 1 ms", p50 < 1);
    }

    private static Optional<String> poolSize(Path log) {
        try {
            Matcher m = POOL.matcher(Files.readString(log));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---- model helpers

    private void headline(String figure, String value, String reference, String ratio, String target, Boolean met) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", figure);
        row.put("value", value);
        row.put("reference", reference);
        row.put("ratio", ratio);
        row.put("target", target);
        row.put("verdict", met == null ? "" : met ? "met" : "unmet");
        headlines.add(row);
    }

    private Map<String, Object> section(String id, String title) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("id", id);
        section.put("title", title);
        section.put("notes", new ArrayList<String>());
        section.put("charts", new ArrayList<String>());
        section.put("tables", new ArrayList<Map<String, Object>>());
        sections.add(section);
        return section;
    }

    @SuppressWarnings("unchecked")
    private static List<String> notes(Map<String, Object> section) {
        return (List<String>) section.get("notes");
    }

    @SuppressWarnings("unchecked")
    private static List<String> charts(Map<String, Object> section) {
        return (List<String>) section.get("charts");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tables(Map<String, Object> section) {
        return (List<Map<String, Object>>) section.get("tables");
    }

    private static Map<String, Object> table(String caption, List<String> headers, List<List<String>> rows) {
        return Map.of("caption", caption, "headers", headers,
                "rows", rows.stream().map(cells -> Map.of("cells", cells)).toList());
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(String.format("%.0f", v.asDouble())));
        return String.join(", ", values);
    }

    private static String f4(JsonNode metrics, String name) {
        return metrics.has(name) ? String.format("%.4f", metrics.path(name).asDouble()) : "";
    }

    private static String ms(JsonNode value) {
        return String.format("%.2f", value.asDouble());
    }

    private static String ms0(JsonNode value) {
        return String.format("%,.0f", value.asDouble());
    }

    private static String us(JsonNode micros) {
        return String.format("%.3f", micros.asDouble() / 1000);
    }
}
