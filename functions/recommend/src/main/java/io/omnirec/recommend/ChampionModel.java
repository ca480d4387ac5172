package io.omnirec.recommend;

import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.CorruptModelException;
import io.omnirec.core.training.ModelLoader;
import io.omnirec.runtime.OmnirecConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model recommend serves with. Loaded from S3 at cold start; afterwards the champion pointer is checked at most
 * every {@code omnirec.model-refresh-seconds}, and a moved pointer loads the new version. A missing or corrupt model,
 * or one whose feature set this code does not compute, never fails a request: the last good model keeps serving, or
 * the fallback chain when there is none, and the status says so.
 */
@Startup
@Singleton
public class ChampionModel implements Supplier<ActiveModel> {
    private static final Logger LOG = Logger.getLogger(ChampionModel.class);

    private final ModelStore models;
    private final FeatureRegistry registry;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile ActiveModel active;
    private volatile Instant nextCheck;

    ChampionModel(ModelStore models, FeatureRegistry registry, Clock clock, OmnirecConfig config) {
        this.models = models;
        this.registry = registry;
        this.clock = clock;
        this.refreshInterval = Duration.ofSeconds(config.modelRefreshSeconds());
        this.active = ActiveModel.none("no_model");
        refresh();
    }

    @Override
    public ActiveModel get() {
        if (!clock.instant().isBefore(nextCheck)) {
            refresh();
        }
        return active;
    }

    private synchronized void refresh() {
        nextCheck = clock.instant().plus(refreshInterval);
        try {
            Optional<String> champion = models.champion();
            if (champion.isEmpty()) {
                active = ActiveModel.none("no_model");
            } else if (!champion.get().equals(active.version())) {
                active = ModelLoader.serve(models.load(champion.get()).orElseThrow(
                        () -> new IllegalStateException("champion " + champion.get() + " is not stored")), registry);
                LOG.infof("serving model %s", active.version());
            }
        } catch (CorruptModelException | IllegalStateException e) {
            LOG.warnf("cannot load the champion model: %s", e.getMessage());
            active = active.scorer().isPresent()
                    ? new ActiveModel(active.scorer(), active.version(), "last_good: " + e.getMessage())
                    : ActiveModel.none("model_unavailable: " + e.getMessage());
        }
    }
}
