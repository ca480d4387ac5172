package io.omnirec.recommend;

import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.ModelRouter;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.runtime.OmnirecConfig;
import io.omnirec.testing.LocalAwsTestResource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The champion and challenger cache on its own: S3 failures at cold start and later, and the experiment's split. */
class ServingModelsTest {

    /** A model store whose reads fail while {@code down}, as S3 does when throttling or unreachable. */
    static final class FlakyModels implements ModelStore {
        final InMemoryModelStore delegate = new InMemoryModelStore();
        volatile boolean down;

        @Override
        public java.util.List<String> removeIncomplete(java.time.Instant writtenBefore) {
            return delegate.removeIncomplete(writtenBefore);
        }

        private <T> T read(java.util.function.Supplier<T> call) {
            if (down) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
            return call.get();
        }

        public void putVersion(ModelArtifact artifact) {
            delegate.putVersion(artifact);
        }

        public Optional<ModelArtifact> load(String version, java.util.Set<String> artifacts) {
            return read(() -> delegate.load(version, artifacts));
        }

        public Optional<String> champion() {
            return read(delegate::champion);
        }

        public java.util.List<String> versions(int limit) {
            return read(() -> delegate.versions(limit));
        }

        public void promote(String version) {
            delegate.promote(version);
        }

        public String rollback() {
            return delegate.rollback();
        }

        public Optional<Experiment> experiment() {
            return read(delegate::experiment);
        }

        public void startExperiment(Experiment experiment) {
            delegate.startExperiment(experiment);
        }

        public void endExperiment() {
            delegate.endExperiment();
        }

        public Optional<byte[]> run(String runId) {
            return delegate.run(runId);
        }

        public boolean startRun(String runId, byte[] record) {
            return delegate.startRun(runId, record);
        }

        public void recordRun(String runId, byte[] record) {
            delegate.recordRun(runId, record);
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-30T06:00:00Z");

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    static OmnirecConfig config(int refreshSeconds) {
        return (OmnirecConfig) java.lang.reflect.Proxy.newProxyInstance(OmnirecConfig.class.getClassLoader(),
                new Class<?>[] {OmnirecConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "modelRefreshSeconds", "aggregatesRefreshSeconds" -> refreshSeconds;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    final FeatureRegistry registry = FeatureRegistry.forSources(
            new CandidateGenerator(CandidateConfig.defaults()).sourceNames());

    @Test
    void route_shouldServeTheFallbackWhileS3IsDownAtColdStart_thenTheChampionOnceItIsBack() {
        FlakyModels models = new FlakyModels();
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        models.putVersion(reference);
        models.promote(reference.version());
        models.down = true;
        TestClock clock = new TestClock();
        ServingModels serving = new ServingModels(models, registry, clock, config(60));

        ModelRouter.Routed cold = serving.route("u1");
        assertTrue(cold.model().scorer().isEmpty(), "no model: the fallback chain answers");
        assertTrue(cold.model().status().startsWith("model_unavailable"), cold.model().status());
        assertEquals(Experiment.CHAMPION, cold.variant());

        models.down = false;
        clock.now = clock.now.plus(Duration.ofSeconds(ServingModels.RETRY_SECONDS));
        assertEquals(reference.version(), serving.route("u1").model().version(), "retried well before the minute");

        models.down = true;
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        ModelRouter.Routed during = serving.route("u1");
        assertEquals(reference.version(), during.model().version(), "the last good model keeps serving");
        assertTrue(during.model().status().startsWith("last_good"), during.model().status());
    }

    @Test
    void route_shouldSendTheExperimentsShareToTheChallenger_andEveryoneToTheChampionWhenItCannotBeLoaded() {
        FlakyModels models = new FlakyModels();
        ModelArtifact reference = LocalAwsTestResource.referenceModel();
        models.putVersion(reference);
        models.promote(reference.version());
        ModelArtifact challenger = RecommendFunctionTest.renamed(reference, "challenger-1",
                reference.card().featureSet());
        models.putVersion(challenger);
        Experiment experiment = new Experiment("exp-1", reference.version(), "challenger-1", 0.5,
                Instant.parse("2026-11-30T06:00:00Z"));
        models.startExperiment(experiment);
        ServingModels serving = new ServingModels(models, registry, new TestClock(), config(0));
        for (int i = 0; i < 20; i++) {
            ModelRouter.Routed routed = serving.route("u" + i);
            assertEquals(experiment.variantOf("u" + i), routed.variant());
            assertEquals(experiment.versionOf(routed.variant()), routed.model().version());
            assertEquals("exp-1", routed.experimentId());
        }
        models.startExperiment(new Experiment("exp-2", reference.version(), "missing", 0.5,
                Instant.parse("2026-11-30T07:00:00Z")));
        ModelRouter.Routed routed = serving.route("u1");
        assertEquals(Experiment.CHAMPION, routed.variant());
        assertEquals(reference.version(), routed.model().version());
        assertNull(routed.experimentId(), "not counted in an experiment it does not take part in");
    }
}
