package io.omnirec.ingest;

import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the core's ingest service to the stores. */
@ApplicationScoped
public class IngestBeans {

    @Produces
    @Singleton
    IngestService ingest(EventStore events, FeatureStore features, Clock clock) {
        return new IngestService(events, features, new EventValidator(clock));
    }
}
