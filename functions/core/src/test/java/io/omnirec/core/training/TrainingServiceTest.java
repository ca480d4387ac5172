package io.omnirec.core.training;

import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.features.PopularityService;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.ranking.RankingFeatures;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on generated data with planted structure, through the same import and ingest paths production uses. */
class TrainingServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    static final SyntheticDataset DATA =
            new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(42, 1000, 300, 60, Instant.parse("2026-06-01T00:00:00Z"), 10)).generate();

    static InMemoryEventStore events;
    static InMemoryFeatureStore features;

    @BeforeAll
    static void loadData() {
        events = new InMemoryEventStore();
        features = new InMemoryFeatureStore();
        ImportService imports = new ImportService(features, new PopularityService(features));
        imports.importFile(ImportKind.CATALOG, new ByteArrayInputStream(DATA.catalogCsv().getBytes(StandardCharsets.UTF_8)));
        imports.importFile(ImportKind.CUSTOMERS, new ByteArrayInputStream(DATA.customersCsv().getBytes(StandardCharsets.UTF_8)));
        IngestService ingest = new IngestService(events, features, new EventValidator(CLOCK));
        EventBatchParser parser = new EventBatchParser();
        for (String batch : DATA.eventBatches(100)) {
            List<EventResult> results = ingest.ingest(parser.parse(batch.getBytes(StandardCharsets.UTF_8)).events());
            assertTrue(results.stream().allMatch(r -> r.status() == EventResult.Status.ACCEPTED));
        }
    }

    TrainingService service(InMemoryModelStore models) {
        return new TrainingService(events, features, models, CLOCK);
    }

    @Test
    void trainAndPromote_shouldBeatPopularityOnHeldOutShoppers_whenDataHasPlantedTaste() {
        InMemoryModelStore models = new InMemoryModelStore();
        TrainingOutcome outcome = service(models).trainAndPromote(TrainingConfig.defaults(42));
        double model = outcome.card().metrics().get("ndcg@10");
        double popularity = outcome.card().metrics().get("popularity_ndcg@10");
        System.out.printf("planted-structure check: model nDCG@10 %.4f vs popularity %.4f (%.2fx) on %d shoppers%n",
                model, popularity, model / popularity, outcome.card().counts().get("validation_shoppers"));
        assertEquals("promoted", outcome.status(), outcome.reason());
        assertTrue(model > 1.2 * popularity, "model " + model + " vs popularity " + popularity);
        assertEquals(outcome.card().version(), models.champion().orElseThrow());
        ModelArtifact stored = models.load(outcome.card().version()).orElseThrow().verify();
        assertEquals(RankingFeatures.NAMES, stored.card().featureNames());
    }

    @Test
    void trainAndPromote_shouldGiveTheSameModel_whenDataAndSeedAreTheSame() {
        ModelCard first = service(new InMemoryModelStore()).trainAndPromote(TrainingConfig.defaults(7)).card();
        InMemoryModelStore models = new InMemoryModelStore();
        ModelCard second = service(models).trainAndPromote(TrainingConfig.defaults(7)).card();
        assertEquals(first.metrics(), second.metrics());
        assertEquals(first.counts(), second.counts());
        RankingModel a = RankingModel.fromBytes(models.load(second.version()).orElseThrow().modelBytes());
        List<ItemSnapshot> pool = features.loadShopperContext("u000001").popularItems();
        UserState user = features.loadShopperContext("u000001").state();
        double[] expected = new ModelScorer(a).score(user, pool);
        InMemoryModelStore again = new InMemoryModelStore();
        ModelCard third = service(again).trainAndPromote(TrainingConfig.defaults(7)).card();
        double[] actual = new ModelScorer(RankingModel.fromBytes(again.load(third.version()).orElseThrow().modelBytes()))
                .score(user, pool);
        assertArrayEquals(expected, actual, 0.0);
    }

    @Test
    void trainAndPromote_shouldKeepTheChampion_whenNewModelIsWorse() {
        InMemoryModelStore models = new InMemoryModelStore();
        TrainingService training = new TrainingService(events, features, models,
                Clock.offset(CLOCK, java.time.Duration.ofHours(1)));
        String champion = training.trainAndPromote(TrainingConfig.defaults(42)).card().version();
        TrainingOutcome weak = new TrainingService(events, features, models, CLOCK)
                .trainAndPromote(new TrainingConfig(42, 0.8, 0.2, 1, 1));
        if (weak.status().equals("not_promoted")) {
            assertEquals(champion, models.champion().orElseThrow());
        } else {
            assertTrue(weak.card().metrics().get("ndcg@10") >= weak.card().metrics().get("champion_ndcg@10"));
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
        assertThrows(CorruptModelException.class, () -> RankingModel.fromBytes(corrupt.modelBytes()));
    }

    @Test
    void fromJson_shouldRoundTripTheCard_andRejectGarbage() {
        ModelCard card = service(new InMemoryModelStore()).trainAndPromote(TrainingConfig.defaults(5)).card();
        assertEquals(card, ModelCard.fromJson(card.toJson()));
        assertThrows(CorruptModelException.class, () -> ModelCard.fromJson("{\"version\":1}".getBytes()));
        assertThrows(CorruptModelException.class, () -> ModelCard.fromJson("not json".getBytes()));
    }

    @Test
    void ndcg_shouldMatchHandComputedValues() {
        assertEquals(1.0, RankingMetrics.ndcg(List.of("a", "b"), java.util.Set.of("a"), 10), 1e-12);
        assertEquals(1 / (Math.log(3) / Math.log(2)), RankingMetrics.ndcg(List.of("x", "a"), java.util.Set.of("a"), 10), 1e-12);
        assertEquals(0.0, RankingMetrics.ndcg(List.of("x"), java.util.Set.of(), 10), 0.0);
    }
}
