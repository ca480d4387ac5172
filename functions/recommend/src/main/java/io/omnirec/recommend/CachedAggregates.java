package io.omnirec.recommend;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.domain.UnavailableException;
import io.omnirec.core.store.AggregateStore;
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
 * The aggregates recommend serves candidates from, cached per container: loaded from S3 at cold start; afterwards the
 * pointer is read at most every {@code omnirec.aggregates-refresh-seconds} (every {@value ServingModels#RETRY_SECONDS}
 * s after a failed read) and a new build is loaded when it moved. A missing or unreadable build never fails a request
 * while a build is cached: the last good one keeps serving. Before any build was built, an empty one serves (its
 * version says {@code empty}); when S3 could not be read and nothing is cached, requests get 503 with
 * {@code Retry-After} ({@link UnavailableException}).
 */
@Startup
@Singleton
public class CachedAggregates implements Supplier<Aggregates> {
    private static final Logger LOG = Logger.getLogger(CachedAggregates.class);

    private final AggregateStore store;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Aggregates current;
    private volatile Instant nextCheck;
    private volatile RuntimeException unreadable;

    CachedAggregates(AggregateStore store, Clock clock, OmnirecConfig config) {
        this.store = store;
        this.clock = clock;
        this.refreshInterval = Duration.ofSeconds(config.aggregatesRefreshSeconds());
        this.current = Aggregates.empty(clock.instant());
        refresh();
    }

    @Override
    public Aggregates get() {
        if (!clock.instant().isBefore(nextCheck)) {
            refresh();
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
            if (latest.isPresent() && !latest.get().equals(current.version())) {
                current = store.load(latest.get())
                        .orElseThrow(() -> new IllegalStateException("build " + latest.get() + " is not stored"));
                LOG.infof("serving aggregates %s (%d items)", current.version(), current.items().size());
            }
            unreadable = null;
            nextCheck = clock.instant().plus(refreshInterval);
        } catch (RuntimeException e) {
            LOG.warnf("cannot load the latest aggregates, keeping %s: %s", current.version(), e.getMessage());
            unreadable = e;
            nextCheck = clock.instant().plus(Duration.ofSeconds(Math.min(ServingModels.RETRY_SECONDS,
                    refreshInterval.getSeconds())));
        }
    }
}
