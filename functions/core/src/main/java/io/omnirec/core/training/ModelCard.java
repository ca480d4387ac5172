package io.omnirec.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model version is and how it came about, stored as {@code card.json} next to the model file. The schema is
 * documented in {@code model-artifacts/README.md}.
 *
 * @param dataFrom         first event time used
 * @param cutoff           events before it build features, purchases after it are the labels
 * @param dataTo           last event time used
 * @param metrics          validation metrics by name, e.g. {@code ndcg@10}, {@code popularity_ndcg@10}
 * @param artifactSha256   hex SHA-256 of the model file; loading checks it
 */
public record ModelCard(String version, Instant createdAt, String format, String algorithm, long seed,
                        List<String> featureNames, Instant dataFrom, Instant cutoff, Instant dataTo,
                        Map<String, Long> counts, Map<String, Double> metrics, String artifactSha256,
                        long artifactBytes) {

    public static final String FORMAT = "tribuo-protobuf";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelCard {
        featureNames = List.copyOf(featureNames);
        counts = Map.copyOf(counts);
        metrics = Map.copyOf(metrics);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version);
        root.put("createdAt", createdAt.toString());
        root.put("format", format);
        root.put("algorithm", algorithm);
        root.put("seed", seed);
        ArrayNode features = root.putArray("featureNames");
        featureNames.forEach(features::add);
        ObjectNode window = root.putObject("dataWindow");
        window.put("from", dataFrom.toString());
        window.put("cutoff", cutoff.toString());
        window.put("to", dataTo.toString());
        ObjectNode countsNode = root.putObject("counts");
        new java.util.TreeMap<>(counts).forEach(countsNode::put);
        ObjectNode metricsNode = root.putObject("metrics");
        new java.util.TreeMap<>(metrics).forEach(metricsNode::put);
        ObjectNode artifact = root.putObject("artifact");
        artifact.put("sha256", artifactSha256);
        artifact.put("bytes", artifactBytes);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write model card", e);
        }
    }

    /** Parses a card; throws {@link CorruptModelException} when it is not a valid card. */
    public static ModelCard fromJson(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<String> features = new ArrayList<>();
            root.required("featureNames").forEach(n -> features.add(n.asText()));
            Map<String, Long> counts = new LinkedHashMap<>();
            root.required("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            Map<String, Double> metrics = new LinkedHashMap<>();
            root.required("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            JsonNode window = root.required("dataWindow");
            JsonNode artifact = root.required("artifact");
            return new ModelCard(text(root, "version"), Instant.parse(text(root, "createdAt")), text(root, "format"),
                    text(root, "algorithm"), root.required("seed").asLong(), features,
                    Instant.parse(text(window, "from")), Instant.parse(text(window, "cutoff")),
                    Instant.parse(text(window, "to")), counts, metrics, text(artifact, "sha256"),
                    artifact.required("bytes").asLong());
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new CorruptModelException("model card is not valid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.required(field).asText();
    }
}
