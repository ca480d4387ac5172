package io.omnirec.core.experiments;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentServiceTest {
    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    final InMemoryModelStore models = new InMemoryModelStore();
    final InMemoryImpressionStore impressions = new InMemoryImpressionStore();
    final ExperimentService service = new ExperimentService(models, impressions, Clock.fixed(NOW, ZoneOffset.UTC));

    static ModelArtifact version(String version) {
        byte[] bytes = version.getBytes(StandardCharsets.UTF_8);
        ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION, version, NOW, "test", Map.of(), 7,
                new ModelCard.FeatureSet("v1-test", List.of("f1")), List.of("popular"),
                new ModelCard.Tribuo("4.3.2", "none"), new ModelCard.DataWindow(NOW, NOW), Map.of(), Map.of(),
                Map.of(), Map.of(ModelCard.MODEL, ModelArtifact.describe("model.tribuo", "tribuo-protobuf", bytes)));
        return new ModelArtifact(card, Map.of(ModelCard.MODEL, bytes));
    }

    static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    InvalidInputException refused(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run);
    }

    @Test
    void start_shouldRefuse_whenThereIsNoChampionTheVersionIsUnknownOrTheBodyIsBad() {
        models.putVersion(version("v1"));
        models.putVersion(version("v2"));
        assertEquals("no_champion", refused(() -> service.start("v2", 0.1)).code());
        models.promote("v1");
        assertEquals("unknown_version", refused(() -> service.start("v9", 0.1)).code());
        assertEquals("invalid_challenger", refused(() -> service.start("v1", 0.1)).code());
        assertEquals("invalid_share", refused(() -> service.start("v2", 0)).code());
        assertEquals("invalid_share", refused(() -> service.start("v2", 0.9)).code());
        assertEquals("invalid_share", refused(() -> service.start(body("{\"challenger\":\"v2\",\"share\":\"x\"}")))
                .code());
        assertEquals("invalid_challenger", refused(() -> service.start(body("{\"challenger\":\"../x\",\"share\":0.1}")))
                .code());
        assertEquals("unknown_field", refused(() -> service.start(body("{\"challenger\":\"v2\",\"share\":0.1,"
                + "\"<script>\":1}"))).code());
        assertEquals("invalid_json", refused(() -> service.start(body("{"))).code());
        assertEquals("payload_too_large", refused(() -> service.start(body("{\"challenger\":\"" + "v".repeat(2000)
                + "\"}"))).code());
        assertEquals("no_experiment", refused(service::report).code());
        assertEquals(Optional.empty(), models.experiment());
    }

    @Test
    void experiment_shouldSplitShoppersStably_reportTheVariants_andPromoteOrRollBackInOneCall() {
        models.putVersion(version("v1"));
        models.putVersion(version("v2"));
        models.promote("v1");
        Experiment experiment = service.start(body("{\"challenger\":\"v2\",\"share\":0.3}"));
        assertEquals(new Experiment("exp-" + NOW.getEpochSecond(), "v1", "v2", 0.3, NOW), experiment);
        long challengers = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> experiment.variantOf("u" + i).equals(Experiment.CHALLENGER)).count();
        assertTrue(Math.abs(challengers - 3_000) < 200, "about 30% of shoppers: " + challengers);
        assertEquals(experiment.variantOf("u42"), experiment.variantOf("u42"), "stable per shopper");

        ExperimentReport empty = service.report();
        assertEquals(0, empty.variants().get(0).impressions());
        assertNull(empty.comparisons().get(0).pValue());

        impressions.record(new Impression("r1", "u1", experiment.id(), Experiment.CHAMPION, "v1", List.of("a"), NOW));
        impressions.record(new Impression("r2", "u2", experiment.id(), Experiment.CHALLENGER, "v2", List.of("a"),
                NOW));
        impressions.credit(new io.omnirec.core.domain.ShopperEvent("e1", "u2", "a",
                io.omnirec.core.domain.EventType.PURCHASE, NOW, io.omnirec.core.domain.Channel.STORE, "store-1",
                null, "r2"));
        ExperimentReport report = service.report();
        assertEquals("v2", report.variants().get(1).modelVersion());
        assertEquals(1, report.variants().get(1).purchased());
        assertEquals(1.0, report.variants().get(1).conversion());
        assertEquals("conversion", report.comparisons().get(2).metric());

        assertEquals("v2", service.promote());
        assertEquals(Optional.of("v2"), models.champion());
        assertEquals(Optional.empty(), models.experiment());
        assertEquals("no_experiment", refused(service::promote).code());
        assertEquals("v1", service.rollback());
        assertEquals(Optional.of("v1"), models.champion());
    }

    @Test
    void compare_shouldGiveTheTwoProportionZTest_whenBothVariantsServed() {
        // 200/1000 against 250/1000: pooled p 0.225, se 0.018674, z 2.6774, two-sided p 0.00742
        ExperimentReport.Comparison c = ExperimentReport.compare("ctr", 200, 1000, 250, 1000);
        assertEquals(0.2, c.champion(), 1e-12);
        assertEquals(0.25, c.challenger(), 1e-12);
        assertEquals(0.25, c.lift(), 1e-12);
        assertEquals(2.6774, c.z(), 1e-4);
        assertEquals(0.00742, c.pValue(), 1e-5);
        ExperimentReport.Comparison same = ExperimentReport.compare("ctr", 100, 1000, 100, 1000);
        assertEquals(0.0, same.z(), 1e-12);
        assertEquals(1.0, same.pValue(), 1e-12);
        assertNull(ExperimentReport.compare("ctr", 0, 10, 0, 10).z(), "no response anywhere: nothing to test");
    }
}
