package io.omnirec.recommend;

import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.RankingFeatures;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.CorruptModelException;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelScorer;
import io.omnirec.core.training.RankingModel;
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
 * every {@code omnirec.model-refresh-seconds}, and a moved pointer loads the new version. A missing or corrupt model
 * never fails a request: the last good model keeps serving, or popularity when there is none, and the status says so.
 */
@Startup
@Singleton
public class ChampionModel implements Supplier<ActiveModel> {
    private static final Logger LOG = Logger.getLogger(ChampionModel.class);

    private final ModelStore models;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile ActiveModel active;
    private volatile Instant nextCheck;

    ChampionModel(ModelStore models, Clock clock, OmnirecConfig config) {
        this.models = models;
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
                active = load(champion.get());
                LOG.infof("serving model %s", active.version());
            }
        } catch (CorruptModelException | IllegalStateException e) {
            LOG.warnf("cannot load the champion model: %s", e.getMessage());
            active = active.scorer().isPresent()
                    ? new ActiveModel(active.scorer(), active.version(), "last_good: " + e.getMessage())
                    : ActiveModel.none("model_unavailable: " + e.getMessage());
        }
    }

    private ActiveModel load(String version) {
        ModelArtifact artifact = models.load(version)
                .orElseThrow(() -> new IllegalStateException("champion " + version + " is not stored"))
                .verify();
        if (!artifact.card().featureNames().equals(RankingFeatures.NAMES)) {
            throw new CorruptModelException("model " + version + " expects features " + artifact.card().featureNames());
        }
        return ActiveModel.champion(new ModelScorer(RankingModel.fromBytes(artifact.modelBytes())), version);
    }
}
