package io.omnirec.core.training;

import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recipe of the committed reference model in {@code model-artifacts/reference/}: the small synthetic data set
 * (seed 42), loaded through the import and ingest paths, trained with seed 42 at a fixed clock.
 */
public final class ReferenceModel {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
    public static final long SEED = 42;

    /** The stores after loading a data set, and the data set. */
    public record World(InMemoryEventStore events, InMemoryFeatureStore features, SyntheticDataset data) {
    }

    private ReferenceModel() {
    }

    public static World world() {
        return load(new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(SEED)).generate());
    }

    /** Loads a data set through the import and ingest paths production uses. */
    public static World load(SyntheticDataset data) {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        ImportService imports = new ImportService(features);
        imports.importFile(ImportKind.CATALOG, new ByteArrayInputStream(data.catalogCsv().getBytes(StandardCharsets.UTF_8)));
        imports.importFile(ImportKind.CUSTOMERS, new ByteArrayInputStream(data.customersCsv().getBytes(StandardCharsets.UTF_8)));
        IngestService ingest = new IngestService(events, features, new io.omnirec.core.store.memory.InMemoryImpressionStore(), EventValidator.live(CLOCK));
        EventBatchParser parser = new EventBatchParser();
        data.eventBatches(100).forEach(b -> ingest.ingest(parser.parse(b.getBytes(StandardCharsets.UTF_8)).events()));
        return new World(events, features, data);
    }

    /** Trains the reference model afresh. */
    public static ModelArtifact train(World world) {
        InMemoryModelStore models = new InMemoryModelStore();
        TrainingOutcome outcome = new TrainingService(world.events(), world.features(), models, CLOCK)
                .trainAndPromote(TrainingConfig.defaults(SEED));
        return models.load(outcome.card().version()).orElseThrow();
    }

    public static Path directory() {
        return Path.of(System.getProperty("model.artifacts.dir", "model-artifacts"), "reference");
    }

    /** Reads the committed reference model with every artifact its card lists. */
    public static ModelArtifact committed() throws IOException {
        Path dir = directory();
        ModelCard card = ModelCard.fromJson(Files.readAllBytes(dir.resolve("card.json")));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, ModelCard.Artifact> artifact : card.artifacts().entrySet()) {
            files.put(artifact.getKey(), Files.readAllBytes(dir.resolve(artifact.getValue().file())));
        }
        return new ModelArtifact(card, files);
    }

    /** Rewrites the committed reference model: {@code ./mvnw -pl functions/core test -Dtest=ReferenceModelTest -Dreference.write=true}. */
    static void write(ModelArtifact artifact) throws IOException {
        Path dir = Files.createDirectories(directory());
        for (Map.Entry<String, ModelCard.Artifact> entry : artifact.card().artifacts().entrySet()) {
            Files.write(dir.resolve(entry.getValue().file()), artifact.files().get(entry.getKey()));
        }
        Files.write(dir.resolve("card.json"), artifact.card().toJson());
    }
}
