package io.omnirec.core.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a model version is and how it came about, stored as {@code card.json} next to its artifacts. The schema
 * (version {@value #SCHEMA_VERSION}) is documented in {@code model-artifacts/README.md}.
 *
 * @param hyperparameters every setting that shaped the model, as text
 * @param featureSet      the feature names in vector order and their version; recommend refuses a model whose
 *                        feature set it does not compute
 * @param candidateSources the candidate sources the features were computed over
 * @param tribuo          Tribuo's version and the model's provenance as Tribuo records it
 * @param metrics         validation metrics by name, e.g. {@code ndcg@10}, {@code popular_ndcg@10}
 * @param timingsMillis   how long each training step took
 * @param artifacts       every stored file of the version by name ({@value #MODEL}, {@value #ONNX},
 *                        {@value #SCORER})
 */
public record ModelCard(int schemaVersion, String version, Instant createdAt, String algorithm,
                        Map<String, String> hyperparameters, long seed, FeatureSet featureSet,
                        List<String> candidateSources, Tribuo tribuo, DataWindow dataWindow, Map<String, Long> counts,
                        Map<String, Double> metrics, Map<String, Long> timingsMillis,
                        Map<String, Artifact> artifacts) {

    public static final int SCHEMA_VERSION = 2;
    /** The Tribuo protobuf model. */
    public static final String MODEL = "model";
    /** The same model exported to ONNX. */
    public static final String ONNX = "onnx";
    /**
     * The model's parameters read out of Tribuo ({@link CompiledScorer}), the artifact recommend serves; versions
     * from before it existed are served from {@link #MODEL}.
     */
    public static final String SCORER = "scorer";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The features a model reads. */
    public record FeatureSet(String version, List<String> names) {
    }

    /** The library that trained the model. */
    public record Tribuo(String version, String provenance) {
    }

    /** The time span of the events the model learnt from. */
    public record DataWindow(Instant from, Instant to) {
    }

    /** One stored file of a version. */
    public record Artifact(String file, String format, long bytes, String sha256) {
    }

    public ModelCard {
        hyperparameters = new TreeMap<>(hyperparameters);
        candidateSources = List.copyOf(candidateSources);
        counts = new TreeMap<>(counts);
        metrics = new TreeMap<>(metrics);
        timingsMillis = new TreeMap<>(timingsMillis);
        artifacts = new TreeMap<>(artifacts);
    }

    public ModelCard withArtifacts(Map<String, Artifact> files) {
        return new ModelCard(schemaVersion, version, createdAt, algorithm, hyperparameters, seed, featureSet,
                candidateSources, tribuo, dataWindow, counts, metrics, timingsMillis, files);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write model card", e);
        }
    }

    /** Parses a card; throws {@link CorruptModelException} when it is not a valid card of this schema. */
    public static ModelCard fromJson(byte[] json) {
        ModelCard card;
        try {
            card = JSON.readValue(json, ModelCard.class);
        } catch (IOException | RuntimeException e) {
            throw new CorruptModelException("model card is not valid: " + e.getMessage(), e);
        }
        if (card.schemaVersion() != SCHEMA_VERSION) {
            throw new CorruptModelException("model card schema " + card.schemaVersion() + " is not "
                    + SCHEMA_VERSION);
        }
        try {
            Objects.requireNonNull(card.version(), "version");
            Objects.requireNonNull(card.featureSet(), "featureSet");
            Objects.requireNonNull(card.featureSet().names(), "featureSet.names");
            Objects.requireNonNull(card.artifacts().get(MODEL), "artifacts.model");
        } catch (NullPointerException e) {
            throw new CorruptModelException("model card lacks " + e.getMessage(), e);
        }
        return card;
    }
}
