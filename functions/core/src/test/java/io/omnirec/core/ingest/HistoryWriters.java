package io.omnirec.core.ingest;

import io.omnirec.core.imports.InteractionImport;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.RebuildQueue;

import java.time.Clock;
import java.time.Duration;

/** The history import wired as the features function wires it, on whatever stores a test gives, on one thread. */
public final class HistoryWriters {
    public static final Duration LEASE = Duration.ofMinutes(15);

    private HistoryWriters() {
    }

    public static InteractionImport interactionImport(EventStore events, FeatureStore features,
                                                      ImpressionStore impressions, RebuildQueue queue, Clock clock) {
        return new InteractionImport(writer(events, features, impressions, queue, clock));
    }

    public static HistoryWriter writer(EventStore events, FeatureStore features, ImpressionStore impressions,
                                       RebuildQueue queue, Clock clock) {
        EventValidator validator = EventValidator.historical(clock);
        return new HistoryWriter(validator, new IngestService(events, features, impressions, validator), events,
                impressions, queue, new StateRebuild(events, features), Runnable::run, clock, LEASE);
    }
}
