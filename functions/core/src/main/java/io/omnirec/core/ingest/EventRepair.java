package io.omnirec.core.ingest;

import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.StoredEvent;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the events a failed or timed-out request left {@code PENDING} (stored, effect not confirmed) and gives each its
 * effect once, as a resend would ({@link EventApplier}). Reads the log's pending index only; runs on the schedule before
 * the aggregates and training, so a client that never resends loses nothing.
 */
public final class EventRepair {
    private final EventStore events;
    private final FeatureStore features;
    private final EventApplier applier;

    public EventRepair(EventStore events, FeatureStore features, EventApplier applier) {
        this.events = events;
        this.features = features;
        this.applier = applier;
    }

    /**
     * What one run found and did.
     *
     * @param pending        events found pending
     * @param applied        applied now
     * @param alreadyApplied their effect had landed; now marked applied
     * @param unresolved     could no longer be told, marked unresolved (never counted twice)
     * @param failed         a write failed again; left pending for the next run
     * @param busy           still leased to a running request; left alone
     */
    public record Report(int pending, int applied, int alreadyApplied, int unresolved, int failed, int busy) {
    }

    /** @param lease how long this run may still take: a resend of one of its events waits that long */
    public Report run(Duration lease) {
        int[] counts = new int[6];
        events.forEachPending(stored -> {
            counts[0]++;
            Optional<EventResult> result = applier.repair(stored, item(stored), lease);
            int slot = result.map(EventRepair::slot).orElse(5);
            counts[slot]++;
        });
        return new Report(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    private Optional<io.omnirec.core.domain.CatalogItem> item(StoredEvent stored) {
        String itemId = stored.event().itemId();
        return itemId == null ? Optional.empty() : Optional.ofNullable(features.items(Set.of(itemId)).get(itemId));
    }

    private static int slot(EventResult result) {
        return switch (result.status()) {
            case ACCEPTED -> 1;
            case DUPLICATE -> result.code() == null ? 2 : 3;
            default -> 4;
        };
    }
}
