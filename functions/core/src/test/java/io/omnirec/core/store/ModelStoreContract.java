package io.omnirec.core.store;

import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ModelStore} must do; run against each implementation. Each test gets an empty store. */
public abstract class ModelStoreContract {

    protected abstract ModelStore newStore();

    static ModelArtifact artifact(String version, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        byte[] onnx = ("onnx of " + content).getBytes(StandardCharsets.UTF_8);
        ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION, version, t, "test", Map.of("epochs", "1"), 7,
                new ModelCard.FeatureSet("v1-test", List.of("f1")), List.of("popular"),
                new ModelCard.Tribuo("4.3.2", "none"), new ModelCard.DataWindow(t, t), Map.of("events", 3L),
                Map.of("ndcg@10", 0.5), Map.of("split", 1L),
                Map.of(ModelCard.MODEL, ModelArtifact.describe("model.tribuo", "tribuo-protobuf", bytes),
                        ModelCard.ONNX, ModelArtifact.describe("model.onnx", "onnx", onnx)));
        return new ModelArtifact(card, Map.of(ModelCard.MODEL, bytes, ModelCard.ONNX, onnx));
    }

    @Test
    void load_shouldReturnBytesAndCard_whenVersionWasWritten() {
        ModelStore store = newStore();
        String version = "v-" + UUID.randomUUID();
        ModelArtifact written = artifact(version, "model bytes");
        store.putVersion(written);
        ModelArtifact loaded = store.load(version).orElseThrow();
        assertEquals(written.card(), loaded.card());
        assertArrayEquals(written.modelBytes(), loaded.modelBytes());
        assertArrayEquals(written.files().get(ModelCard.ONNX), loaded.files().get(ModelCard.ONNX));
        loaded.verify();
    }

    @Test
    void load_shouldReadOnlyTheNamedArtifacts_whenServingNeedsTheModelAlone() {
        ModelStore store = newStore();
        String version = "v-" + UUID.randomUUID();
        store.putVersion(artifact(version, "model bytes"));
        ModelArtifact served = store.load(version, java.util.Set.of(ModelCard.MODEL)).orElseThrow();
        assertEquals(java.util.Set.of(ModelCard.MODEL), served.files().keySet());
        served.verify(java.util.Set.of(ModelCard.MODEL));
        assertThrows(io.omnirec.core.training.CorruptModelException.class, served::verify,
                "the ONNX export was not read");
    }

    @Test
    void putVersion_shouldRefuseToOverwrite_whenVersionExists() {
        ModelStore store = newStore();
        String version = "v-" + UUID.randomUUID();
        store.putVersion(artifact(version, "first"));
        assertThrows(IllegalStateException.class, () -> store.putVersion(artifact(version, "second")));
        assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), store.load(version).orElseThrow().modelBytes());
    }

    @Test
    void promote_shouldMoveTheChampionBackAndForth_whenRollingBack() {
        ModelStore store = newStore();
        assertEquals(Optional.empty(), store.champion());
        String v1 = "v1-" + UUID.randomUUID();
        String v2 = "v2-" + UUID.randomUUID();
        store.putVersion(artifact(v1, "one"));
        store.putVersion(artifact(v2, "two"));
        store.promote(v1);
        store.promote(v2);
        assertEquals(Optional.of(v2), store.champion());
        store.promote(v1);
        assertEquals(Optional.of(v1), store.champion());
    }

    @Test
    void rollback_shouldReturnToTheReplacedChampion_andUndoItselfWhenCalledTwice() {
        ModelStore store = newStore();
        assertThrows(IllegalStateException.class, store::rollback);
        String v1 = "v1-" + UUID.randomUUID();
        String v2 = "v2-" + UUID.randomUUID();
        store.putVersion(artifact(v1, "one"));
        store.putVersion(artifact(v2, "two"));
        store.promote(v1);
        assertThrows(IllegalStateException.class, store::rollback, "the first champion replaced nothing");
        store.promote(v2);
        assertEquals(v1, store.rollback());
        assertEquals(Optional.of(v1), store.champion());
        assertEquals(v2, store.rollback());
        assertEquals(Optional.of(v2), store.champion());
    }

    @Test
    void experiment_shouldBeReadAsStarted_untilItEnds() {
        ModelStore store = newStore();
        assertEquals(Optional.empty(), store.experiment());
        Experiment experiment = new Experiment("exp-1", "v1", "v2", 0.2, Instant.parse("2026-11-30T06:00:00Z"));
        store.startExperiment(experiment);
        assertEquals(Optional.of(experiment), store.experiment());
        store.endExperiment();
        assertEquals(Optional.empty(), store.experiment());
        store.endExperiment();
    }

    @Test
    void promote_shouldFail_whenVersionDoesNotExist() {
        ModelStore store = newStore();
        assertThrows(IllegalArgumentException.class, () -> store.promote("missing-" + UUID.randomUUID()));
        assertTrue(store.champion().isEmpty());
    }
}
