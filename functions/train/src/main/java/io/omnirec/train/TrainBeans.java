package io.omnirec.train;

import io.omnirec.core.ingest.EventApplier;
import io.omnirec.core.ingest.EventRepair;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.store.RebuildQueue;
import io.omnirec.core.training.TrainingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the core's training service to the stores. */
@ApplicationScoped
public class TrainBeans {

    @Produces
    @Singleton
    TrainingService training(EventStore events, FeatureStore features, ModelStore models, Clock clock) {
        return new TrainingService(events, features, models, clock);
    }

    @Produces
    @Singleton
    Deliveries deliveries(ModelStore models, Clock clock) {
        return new Deliveries(models, clock);
    }

    /**
     * Applies the events failed or timed-out ingest requests left pending and rebuilds the shoppers a history import
     * did not get to, before the aggregates read them.
     */
    @Produces
    @Singleton
    EventRepair repair(EventStore events, FeatureStore features, ImpressionStore impressions, RebuildQueue queue,
                       Clock clock) {
        return new EventRepair(events, features, new EventApplier(events, features, impressions, clock), queue, clock);
    }
}
