package io.omnirec.recommend;

import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.HeatTally;
import io.omnirec.core.aggregates.LiveAggregates;
import io.omnirec.core.domain.UnavailableException;
import io.omnirec.core.store.AggregateStore;
import io.omnirec.core.store.HeatCounters;
import io.omnirec.runtime.OmnirecConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The aggregates recommend serves candidates from, cached per container: loaded from S3 at cold start; afterwards the
 * pointer is read at most every {@code omnirec.aggregates-refresh-seconds} (every {@value ServingModels#RETRY_SECONDS}
 * s after a failed read) and a new build is loaded when it moved. A missing or unreadable build never fails a request
 * while a build is cached: the last good one keeps serving. Before any build was built, an empty one serves (its
 * version says {@code empty}); when S3 could not be read and nothing is cached, requests get 503 with
 * {@code Retry-After} ({@link UnavailableException}).
 *
 * <p>Between builds, the live sales heat of events accepted since the build ({@link HeatCounters}) is folded in at
 * most every {@code omnirec.live-heat-refresh-seconds} ({@link LiveAggregates}): each refresh reads the minutes from
 * the last one it read on (one {@code Query} per counter shard) and keeps the earlier ones, so a container reads each
 * closed minute once. Counters that cannot be read leave the last overlay serving.
 */
@Startup
@Singleton
public class CachedAggregates implements Supplier<Aggregates> {
    private static final Logger LOG = Logger.getLogger(CachedAggregates.class);

    private final AggregateStore store;
    private final HeatCounters heat;
    private final AggregateConfig config;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration heatInterval;
    private final TreeMap<Instant, HeatTally> minutes = new TreeMap<>();
    private volatile Aggregates build;
    private volatile Aggregates current;
    private volatile Instant nextCheck;
    private volatile Instant nextHeat;
    private volatile RuntimeException unreadable;

    CachedAggregates(AggregateStore store, HeatCounters heat, Clock clock, OmnirecConfig config) {
        this.store = store;
        this.heat = heat;
        this.config = AggregateConfig.defaults();
        this.clock = clock;
        this.refreshInterval = Duration.ofSeconds(config.aggregatesRefreshSeconds());
        this.heatInterval = Duration.ofSeconds(config.liveHeatRefreshSeconds());
        this.build = Aggregates.empty(clock.instant());
        this.current = build;
        refresh();
        refreshHeat();
    }

    @Override
    public Aggregates get() {
        if (!clock.instant().isBefore(nextCheck)) {
            refresh();
        }
        if (!clock.instant().isBefore(nextHeat)) {
            refreshHeat();
        }
        RuntimeException failure = unreadable;
        if (failure != null && current.items().isEmpty()) {
            throw new UnavailableException("the candidate aggregates cannot be read yet: " + failure.getMessage(),
                    ServingModels.RETRY_SECONDS, failure);
        }
        return current;
    }

    private synchronized void refresh() {
        try {
            Optional<String> latest = store.latestVersion();
            if (latest.isPresent() && !latest.get().equals(build.version())) {
                build = store.load(latest.get())
                        .orElseThrow(() -> new IllegalStateException("build " + latest.get() + " is not stored"));
                minutes.headMap(build.builtAt(), true).clear();
                current = LiveAggregates.overlay(build, minutes, config);
                LOG.infof("serving aggregates %s (%d items)", build.version(), build.items().size());
            }
            unreadable = null;
            nextCheck = clock.instant().plus(refreshInterval);
        } catch (RuntimeException e) {
            LOG.warnf("cannot load the latest aggregates, keeping %s: %s", build.version(), e.getMessage());
            unreadable = e;
            nextCheck = clock.instant().plus(Duration.ofSeconds(Math.min(ServingModels.RETRY_SECONDS,
                    refreshInterval.getSeconds())));
        }
    }

    /** Reads the minutes from the last one read on (it may have grown since) and folds them into the build. */
    private synchronized void refreshHeat() {
        nextHeat = clock.instant().plus(heatInterval);
        if (build.items().isEmpty()) {
            return;
        }
        try {
            minutes.putAll(heat.since(minutes.isEmpty() ? build.builtAt() : minutes.lastKey()));
            current = LiveAggregates.overlay(build, minutes, config);
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the live sales heat, keeping the last overlay: %s", e.getMessage());
        }
    }
}
