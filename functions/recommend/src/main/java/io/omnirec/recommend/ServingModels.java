package io.omnirec.recommend;

import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.ModelRouter;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.ModelLoader;
import io.omnirec.runtime.OmnirecConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The models recommend serves with: the champion and, while an experiment runs, the challenger. Loaded from S3 at
 * cold start; afterwards the champion pointer and the experiment are re-read at most every
 * {@code omnirec.model-refresh-seconds} (every {@value #RETRY_SECONDS} s after a failed read), and a version not
 * loaded yet is loaded. Nothing here fails a request: a missing, corrupt or incompatible model, or S3 failing
 * (throttled, timing out, down), keeps the last good model serving, or the fallback chain when there is none, and the
 * status says so. A challenger that cannot be served ends nobody's champion: everyone gets the champion, and the
 * answers are not counted in the experiment.
 */
@Startup
@Singleton
public class ServingModels implements ModelRouter {
    static final int RETRY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(ServingModels.class);

    private final ModelStore models;
    private final FeatureRegistry registry;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Serving serving = new Serving(ActiveModel.none("no_model"), null, null);
    private volatile Instant nextCheck;

    /** What serves now; replaced as a whole so that a request never sees half a refresh. */
    private record Serving(ActiveModel champion, Experiment experiment, ActiveModel challenger) {
    }

    ServingModels(ModelStore models, FeatureRegistry registry, Clock clock, OmnirecConfig config) {
        this.models = models;
        this.registry = registry;
        this.clock = clock;
        this.refreshInterval = Duration.ofSeconds(config.modelRefreshSeconds());
        refresh();
    }

    @Override
    public Routed route(String shopperKey) {
        if (!clock.instant().isBefore(nextCheck)) {
            refresh();
        }
        Serving now = serving;
        if (now.experiment() == null || now.challenger() == null) {
            return new Routed(now.champion(), Experiment.CHAMPION, null);
        }
        String variant = now.experiment().variantOf(shopperKey);
        return new Routed(Experiment.CHALLENGER.equals(variant) ? now.challenger() : now.champion(), variant,
                now.experiment().id());
    }

    private synchronized void refresh() {
        Serving before = serving;
        ActiveModel champion = before.champion();
        boolean failed = false;
        try {
            Optional<String> version = models.champion();
            if (version.isEmpty()) {
                champion = ActiveModel.none("no_model");
            } else if (!version.get().equals(champion.version())) {
                champion = load(version.get());
                LOG.infof("serving model %s", champion.version());
            }
        } catch (RuntimeException e) {
            failed = true;
            LOG.warnf("cannot load the champion model: %s", e.getMessage());
            champion = champion.scorer().isPresent()
                    ? new ActiveModel(champion.scorer(), champion.version(), "last_good: " + e.getMessage())
                    : ActiveModel.none("model_unavailable: " + e.getMessage());
        }
        Experiment experiment = before.experiment();
        ActiveModel challenger = before.challenger();
        try {
            experiment = models.experiment().orElse(null);
            if (experiment == null) {
                challenger = null;
            } else if (challenger == null || !experiment.challenger().equals(challenger.version())) {
                ActiveModel loaded = load(experiment.challenger());
                challenger = new ActiveModel(loaded.scorer(), loaded.version(), Experiment.CHALLENGER);
                LOG.infof("experiment %s: %s of shoppers get model %s", experiment.id(), experiment.share(),
                        challenger.version());
            }
        } catch (RuntimeException e) {
            failed = true;
            LOG.warnf("cannot load the experiment's challenger, serving the champion to everyone: %s", e.getMessage());
            challenger = null;
        }
        serving = new Serving(champion, experiment, challenger);
        nextCheck = clock.instant().plus(failed ? Duration.ofSeconds(Math.min(RETRY_SECONDS,
                Math.max(0, refreshInterval.getSeconds()))) : refreshInterval);
    }

    private ActiveModel load(String version) {
        return ModelLoader.serve(ModelLoader.load(models, version).orElseThrow(
                () -> new IllegalStateException("model " + version + " is not stored")), registry);
    }
}
