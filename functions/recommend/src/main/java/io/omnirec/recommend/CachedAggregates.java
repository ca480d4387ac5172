package io.omnirec.recommend;

import io.omnirec.core.aggregates.Aggregates;
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
 * pointer is read at most every {@code omnirec.aggregates-refresh-seconds} and a new build is loaded when it moved. A
 * missing or unreadable build never fails a request: the last good build keeps serving (or an empty one, whose
 * version says {@code empty}).
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
        return current;
    }

    private synchronized void refresh() {
        nextCheck = clock.instant().plus(refreshInterval);
        try {
            Optional<String> latest = store.latestVersion();
            if (latest.isPresent() && !latest.get().equals(current.version())) {
                current = store.load(latest.get())
                        .orElseThrow(() -> new IllegalStateException("build " + latest.get() + " is not stored"));
                LOG.infof("serving aggregates %s (%d items)", current.version(), current.items().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot load the latest aggregates, keeping %s: %s", current.version(), e.getMessage());
        }
    }
}
