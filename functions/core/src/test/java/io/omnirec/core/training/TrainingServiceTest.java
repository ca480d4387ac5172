package io.omnirec.core.training;

import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on generated data with planted structure, through the same import and ingest paths production uses. */
class TrainingServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    static ReferenceModel.World world;

    @BeforeAll
    static void loadData() {
        world = ReferenceModel.load(new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(42, 1000, 300, 60,
                Instant.parse("2026-06-01T00:00:00Z"), 10)).generate());
    }

    TrainingService service(InMemoryModelStore models) {
        return new TrainingService(world.events(), world.features(), models, CLOCK);
    }

    @Test
    void trainAndPromote_shouldBeatPopularityAndReportEveryBaseline_whenDataHasPlantedTaste() {
        InMemoryModelStore models = new InMemoryModelStore();
        TrainingOutcome outcome = service(models).trainAndPromote(TrainingConfig.defaults(42));
        ModelCard card = outcome.card();
        double model = card.metrics().get("ndcg@10");
        double popularity = card.metrics().get("popular_ndcg@10");
        double best = card.metrics().get("best_baseline_ndcg@10");
        System.out.printf("planted-structure check: model nDCG@10 %.4f (+-%.4f) vs popularity %.4f, best single "
                        + "source %.4f, on %d validation shoppers; %s%n", model, card.metrics().get("ndcg@10_ci95"),
                popularity, best, card.counts().get("validation_shoppers"), outcome.reason());
        assertTrue(model > 1.2 * popularity, "model " + model + " vs popularity " + popularity);
        for (String source : card.candidateSources()) {
            assertNotNull(card.metrics().get(source + "_ndcg@10"), source);
        }
        assertTrue(card.counts().get("validation_shoppers") >= 100);
        assertTrue(card.metrics().get("rp3_ndcg@10") > popularity, "the RP3beta source finds the planted structure");
        double lowerBound = card.metrics().get("ndcg@10_minus_best_baseline")
                - card.metrics().get("ndcg@10_minus_best_baseline_ci95");
        if (outcome.status().equals("promoted")) {
            assertTrue(model > best && lowerBound > 0, "promoted only beyond the noise: " + lowerBound);
            assertEquals(card.version(), models.champion().orElseThrow());
        } else {
            assertTrue(lowerBound <= 0, outcome.reason());
            assertTrue(models.champion().isEmpty());
        }
        ModelArtifact stored = models.load(card.version()).orElseThrow().verify();
        assertEquals(card, stored.card());
        assertEquals(ModelCard.SCHEMA_VERSION, stored.card().schemaVersion());
        assertEquals(java.util.Set.of(ModelCard.MODEL, ModelCard.ONNX, ModelCard.SCORER), stored.card().artifacts().keySet());
    }

    @Test
    void trainAndPromote_shouldGiveTheSameModel_whenDataAndSeedAreTheSame() {
        InMemoryModelStore first = new InMemoryModelStore();
        ModelCard a = service(first).trainAndPromote(TrainingConfig.defaults(7)).card();
        InMemoryModelStore second = new InMemoryModelStore();
        ModelCard b = service(second).trainAndPromote(TrainingConfig.defaults(7)).card();
        assertEquals(a.metrics(), b.metrics());
        assertEquals(a.counts(), b.counts());
        assertEquals(a.version(), b.version());
        RankingModel one = RankingModel.fromBytes(first.load(a.version()).orElseThrow().modelBytes(),
                a.featureSet().names());
        RankingModel two = RankingModel.fromBytes(second.load(b.version()).orElseThrow().modelBytes(),
                b.featureSet().names());
        java.util.List<double[]> rows = java.util.List.of(new double[a.featureSet().names().size()],
                java.util.stream.IntStream.range(0, a.featureSet().names().size()).mapToDouble(i -> i % 3 / 2.0)
                        .toArray());
        assertArrayEquals(one.score(rows), two.score(rows), 0.0);
    }

    @Test
    void trainAndPromote_shouldKeepTheChampion_whenNewModelIsWorse() {
        InMemoryModelStore models = new InMemoryModelStore();
        TrainingOutcome first = new TrainingService(world.events(), world.features(), models,
                Clock.offset(CLOCK, java.time.Duration.ofHours(1))).trainAndPromote(TrainingConfig.defaults(42));
        String champion = first.card().version();
        models.promote(champion);
        TrainingConfig weak = TrainingConfig.defaults(42).withAlgorithm("logistic");
        TrainingOutcome second = service(models).trainAndPromote(new TrainingConfig(42, "time", 0.2, 0.2, 1, 1,
                "logistic", 8, 100, 2000, weak.aggregates(), weak.candidates(), weak.headDepth()));
        double challenger = second.card().metrics().get("ndcg@10");
        double incumbent = second.card().metrics().get("champion_ndcg@10");
        if (second.status().equals("promoted")) {
            assertTrue(challenger >= incumbent);
        } else {
            assertEquals(champion, models.champion().orElseThrow());
        }
    }

    @Test
    void trainAndPromote_shouldSkip_whenThereIsNoData() {
        TrainingOutcome outcome = new TrainingService(new InMemoryEventStore(), new InMemoryFeatureStore(),
                new InMemoryModelStore(), CLOCK).trainAndPromote(TrainingConfig.defaults(1));
        assertEquals("skipped", outcome.status());
    }

    @Test
    void verify_shouldRejectTheModel_whenBytesDoNotMatchTheCard() {
        InMemoryModelStore models = new InMemoryModelStore();
        String version = service(models).trainAndPromote(TrainingConfig.defaults(3)).card().version();
        models.corrupt(version, "garbage".getBytes(StandardCharsets.UTF_8));
        ModelArtifact corrupt = models.load(version).orElseThrow();
        assertThrows(CorruptModelException.class, corrupt::verify);
        assertThrows(CorruptModelException.class, () -> RankingModel.fromBytes(corrupt.modelBytes(),
                corrupt.card().featureSet().names()));
    }

    @Test
    void fromJson_shouldRoundTripTheCard_andRejectGarbage() {
        ModelCard card = service(new InMemoryModelStore()).trainAndPromote(TrainingConfig.defaults(5)).card();
        assertEquals(card, ModelCard.fromJson(card.toJson()));
        assertThrows(CorruptModelException.class, () -> ModelCard.fromJson("{\"version\":1}".getBytes()));
        assertThrows(CorruptModelException.class, () -> ModelCard.fromJson("not json".getBytes()));
        String v1 = new String(card.toJson(), StandardCharsets.UTF_8).replace("\"schemaVersion\" : 2",
                "\"schemaVersion\" : 1");
        assertThrows(CorruptModelException.class, () -> ModelCard.fromJson(v1.getBytes(StandardCharsets.UTF_8)));
    }
}
