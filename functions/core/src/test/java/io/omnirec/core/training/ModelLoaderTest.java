package io.omnirec.core.training;

import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.store.memory.InMemoryModelStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What serving reads of a stored version, and what it refuses. */
class ModelLoaderTest {
    static final FeatureRegistry REGISTRY = FeatureRegistry.forSources(
            new CandidateGenerator(CandidateConfig.defaults()).sourceNames());

    static ModelArtifact without(ModelArtifact artifact, String name) {
        Map<String, ModelCard.Artifact> listed = new HashMap<>(artifact.card().artifacts());
        listed.remove(name);
        Map<String, byte[]> files = new HashMap<>(artifact.files());
        files.remove(name);
        return new ModelArtifact(artifact.card().withArtifacts(listed), files);
    }

    static ModelArtifact withScorer(ModelArtifact artifact, byte[] scorer, boolean describe) {
        Map<String, ModelCard.Artifact> listed = new HashMap<>(artifact.card().artifacts());
        if (describe) {
            listed.put(ModelCard.SCORER, ModelArtifact.describe("scorer.json", CompiledScorer.FORMAT, scorer));
        }
        Map<String, byte[]> files = new HashMap<>(artifact.files());
        files.put(ModelCard.SCORER, scorer);
        return new ModelArtifact(artifact.card().withArtifacts(listed), files);
    }

    @Test
    void load_shouldReadOnlyTheScorer_andServeIt() throws IOException {
        InMemoryModelStore models = new InMemoryModelStore();
        ModelArtifact reference = ReferenceModel.committed();
        models.putVersion(reference);
        ModelArtifact loaded = ModelLoader.load(models, reference.version()).orElseThrow();
        assertEquals(Set.of(ModelCard.SCORER), loaded.files().keySet(), "neither the Tribuo model nor ONNX");
        ActiveModel served = ModelLoader.serve(loaded, REGISTRY);
        assertTrue(served.scorer().isPresent());
        assertEquals(reference.version(), served.version());
    }

    @Test
    void load_shouldServeTheTribuoModel_whenTheVersionPredatesTheScorer() throws IOException {
        InMemoryModelStore models = new InMemoryModelStore();
        ModelArtifact older = without(ReferenceModel.committed(), ModelCard.SCORER);
        models.putVersion(older);
        ModelArtifact loaded = ModelLoader.load(models, older.version()).orElseThrow();
        assertEquals(Set.of(ModelCard.MODEL), loaded.files().keySet());
        assertTrue(ModelLoader.serve(loaded, REGISTRY).scorer().isPresent());
    }

    @Test
    void serve_shouldRefuseAScorer_whenItsBytesDoNotMatchTheCard_orAreNotAScorer() throws IOException {
        ModelArtifact reference = ReferenceModel.committed();
        byte[] damaged = reference.files().get(ModelCard.SCORER).clone();
        damaged[damaged.length / 2] ^= 0x5A;
        assertThrows(CorruptModelException.class,
                () -> ModelLoader.serve(withScorer(reference, damaged, false), REGISTRY));
        byte[] notAScorer = "{\"format\":\"omnirec-scorer-json/1\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(CorruptModelException.class,
                () -> ModelLoader.serve(withScorer(reference, notAScorer, true), REGISTRY));
    }
}
