package io.omnirec.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnirec.core.evaluation.MetricsReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Systems measured side by side in one run, plus published reference rows, printed as a table and as JSON. */
final class Comparison {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One row of the table.
     *
     * @param source {@code measured} in this run, or where the figures were copied from
     */
    record Row(String system, String source, int shoppers, Map<String, Double> metrics) {
    }

    private final String title;
    private final int catalogSize;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    Comparison(String title, int catalogSize) {
        this.title = title;
        this.catalogSize = catalogSize;
    }

    void add(String system, MetricsReport report) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : MetricsReport.NAMES) {
            metrics.put(name, report.mean(name));
        }
        metrics.put("ndcg_ci95", report.halfWidth("ndcg"));
        metrics.put("coverage", report.coverage(catalogSize));
        metrics.put("diversity", report.diversity());
        rows.add(new Row(system, "measured", report.shoppers(), metrics));
    }

    /** A row copied from elsewhere; {@code source} is printed after the name, e.g. {@code published}. */
    void copied(String system, String source, double ndcg, double precision, double recall, double map) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("precision", precision);
        metrics.put("recall", recall);
        metrics.put("map", map);
        metrics.put("ndcg", ndcg);
        rows.add(new Row(system, source, 0, metrics));
    }

    void fact(String name, Object value) {
        facts.put(name, value);
    }

    List<Row> rows() {
        return rows;
    }

    void print(PrintStream out) {
        out.println();
        out.println(title);
        facts.forEach((k, v) -> out.println("  " + k + ": " + v));
        out.printf("%n| %-34s | %7s | %7s | %7s | %7s | %7s | %7s | %7s | %8s | %9s |%n", "system", "P@10", "R@10",
                "F1@10", "MAP", "nDCG@10", "HR@10", "MRR", "coverage", "diversity");
        out.println("|" + "-".repeat(36) + ("|" + "-".repeat(9)).repeat(7) + "|" + "-".repeat(10) + "|"
                + "-".repeat(11) + "|");
        for (Row row : rows) {
            out.printf("| %-34s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    row.system() + (row.source().equals("measured") ? "" : " (" + row.source() + ")"),
                    cell(row, "precision", 7),
                    cell(row, "recall", 7), cell(row, "f1", 7), cell(row, "map", 7), cell(row, "ndcg", 7),
                    cell(row, "hit_rate", 7), cell(row, "mrr", 7), cell(row, "coverage", 8),
                    cell(row, "diversity", 9));
        }
    }

    private static String cell(Row row, String metric, int width) {
        Double value = row.metrics().get(metric);
        return String.format("%" + width + "s", value == null ? "" : String.format("%.4f", value));
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        root.put("facts", facts);
        root.put("rows", rows);
        JSON.writeValue(file.toFile(), root);
    }
}
