package io.omnirec.ingest;

import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.records.CatalogRecords;
import io.omnirec.core.records.ShopperProfiles;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.HeatCounters;
import io.omnirec.core.store.ImportArchive;
import io.omnirec.core.store.ImpressionStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the core's ingest service, profiles and catalog records to the stores. */
@ApplicationScoped
@RegisterForReflection(targets = {ShopperProfiles.Erasure.class, StockLevel.class, io.omnirec.core.domain.Store.class})
public class IngestBeans {

    /** Concurrent store writes per request; DynamoDB round trips dominate ingest time. */
    static final int WRITE_THREADS = 8;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITE_THREADS);

    @Produces
    @Singleton
    IngestService ingest(EventStore events, FeatureStore features, ImpressionStore impressions, HeatCounters heat,
                         Clock clock) {
        return new IngestService(events, features, impressions, EventValidator.live(clock), writers, clock, heat);
    }

    @Produces
    @Singleton
    ShopperProfiles profiles(FeatureStore features, EventStore events, ImpressionStore impressions,
                             ImportArchive uploads, Clock clock) {
        return new ShopperProfiles(features, events, impressions, uploads, clock);
    }

    @Produces
    @Singleton
    CatalogRecords catalog(FeatureStore features) {
        return new CatalogRecords(features);
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }
}
