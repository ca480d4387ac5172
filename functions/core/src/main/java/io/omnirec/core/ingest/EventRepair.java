package io.omnirec.core.ingest;

import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.RebuildQueue;
import io.omnirec.core.store.StoredEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the events a failed or timed-out request left {@code PENDING} (stored, effect not confirmed) and gives each its
 * effect once, as a resend would ({@link EventApplier}); then rebuilds the shoppers a history import queued and did not
 * get to ({@link RebuildQueue}, {@link HistoryWriter}). Reads the log's pending index and the queue's expired entries
 * only; runs on the schedule before the aggregates and training, so a client that never resends and an import that
 * died lose nothing.
 */
public final class EventRepair {
    private final EventStore events;
    private final FeatureStore features;
    private final EventApplier applier;
    private final RebuildQueue queue;
    private final StateRebuild rebuild;
    private final Clock clock;

    /** Pending events only, no rebuild queue. */
    public EventRepair(EventStore events, FeatureStore features, EventApplier applier) {
        this(events, features, applier, null, Clock.systemUTC());
    }

    /** Pending events, then the rebuild queue's expired entries (as of {@code clock}). */
    public EventRepair(EventStore events, FeatureStore features, EventApplier applier, RebuildQueue queue,
                       Clock clock) {
        this.events = events;
        this.features = features;
        this.applier = applier;
        this.queue = queue;
        this.rebuild = new StateRebuild(events, features);
        this.clock = clock;
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
     * @param rebuilt        shoppers rebuilt from the log for queue entries a history import left
     * @param rebuildFailed  of those, the ones whose rebuild failed again; their entries stay for the next run
     */
    public record Report(int pending, int applied, int alreadyApplied, int unresolved, int failed, int busy,
                         int rebuilt, int rebuildFailed) {
        /** A run that found no rebuild queued. */
        public Report(int pending, int applied, int alreadyApplied, int unresolved, int failed, int busy) {
            this(pending, applied, alreadyApplied, unresolved, failed, busy, 0, 0);
        }
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
        int[] rebuilds = rebuildQueued();
        return new Report(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], rebuilds[0], rebuilds[1]);
    }

    /** Rebuilds the shoppers of each expired queue entry and removes the entry once all of them are done. */
    private int[] rebuildQueued() {
        int[] counts = new int[2];
        if (queue == null) {
            return counts;
        }
        StateRebuild.Run run = rebuild.run();
        queue.forEachExpired(clock.instant(), entry -> {
            Map<String, List<String>> shoppers = new HashMap<>();
            entry.shopperKeys().forEach(key -> shoppers.put(key, List.of()));
            Set<String> left = run.rebuildAll(shoppers, Runnable::run);
            counts[0] += entry.shopperKeys().size() - left.size();
            counts[1] += left.size();
            if (left.isEmpty()) {
                queue.remove(entry);
            }
        });
        return counts;
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
