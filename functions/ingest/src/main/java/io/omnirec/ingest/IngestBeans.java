package io.omnirec.ingest;

import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the core's ingest service to the stores. */
@ApplicationScoped
public class IngestBeans {

    /** Concurrent store writes per request; DynamoDB round trips dominate ingest time. */
    static final int WRITE_THREADS = 8;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITE_THREADS);

    @Produces
    @Singleton
    IngestService ingest(EventStore events, FeatureStore features, ImpressionStore impressions, Clock clock) {
        return new IngestService(events, features, impressions, EventValidator.live(clock), writers, clock);
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }
}
