package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.RebuildQueue;
import io.omnirec.core.store.StoredEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bulk path of history imports. Where a live event costs three writes (claim, apply, mark: {@link EventApplier}),
 * a batch of history rows costs one batched read of their ids, one batched write of the new events and, once per
 * upload, one rebuild per shopper named ({@link StateRebuild}):
 * <ol>
 *   <li>each row is validated; ids already in the log are duplicates (the same event) or conflicts (another);</li>
 *   <li>the shoppers of the batch not yet queued are entered in the {@link RebuildQueue}, then the new events are
 *   stored {@code APPLIED} in batches of {@value #STORE_BATCH};</li>
 *   <li>at the end of the upload (or every {@value #REBUILD_AFTER} shoppers) every shopper named, duplicates
 *   included, is rebuilt from the log, and the queue entries are removed.</li>
 * </ol>
 * A crash anywhere leaves the entries queued: the repair job rebuilds their shoppers ({@link EventRepair}), and an
 * import of the same file again rebuilds them too, so a stored row always reaches its shopper's state once. Identify
 * rows go through the live path ({@link IngestService}). Ids of history rows must not be sent live while the upload
 * runs (the store is unconditional between the read and the write).
 */
public final class HistoryWriter {
    /** Events per batched store call (DynamoDB's BatchWriteItem takes 25). */
    static final int STORE_BATCH = 25;
    /** Ids per batched read (DynamoDB's BatchGetItem takes 100). */
    static final int FIND_BATCH = 100;
    /**
     * Shoppers an upload holds in memory before rebuilding them (their keys, about 100 bytes each): bounds its memory.
     * Rebuilding before the end of the file costs a second rebuild of every shopper seen again later in it.
     */
    static final int REBUILD_AFTER = 200_000;
    /**
     * How long after storing an event its id is kept for the rebuild to read by id, in case the log's index by shopper
     * does not list it yet (DynamoDB's indexes follow a write within about a second).
     */
    static final Duration INDEX_LAG = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(HistoryWriter.class.getName());

    private final EventValidator validator;
    private final IngestService identifies;
    private final EventStore events;
    private final ImpressionStore impressions;
    private final RebuildQueue queue;
    private final StateRebuild rebuild;
    private final Executor executor;
    private final Clock clock;
    private final Duration lease;

    /**
     * @param validator  the historical validator ({@link EventValidator#historical})
     * @param identifies the live path, for identify rows
     * @param executor   runs the batched stores and the rebuilds concurrently
     * @param lease      how long an upload may run: its queue entries are left to it that long
     */
    public HistoryWriter(EventValidator validator, IngestService identifies, EventStore events,
                         ImpressionStore impressions, RebuildQueue queue, StateRebuild rebuild, Executor executor,
                         Clock clock, Duration lease) {
        this.validator = validator;
        this.identifies = identifies;
        this.events = events;
        this.impressions = impressions;
        this.queue = queue;
        this.rebuild = rebuild;
        this.executor = executor;
        this.clock = clock;
        this.lease = lease;
    }

    /** Starts one upload. */
    public Upload upload() {
        return new Upload();
    }

    /**
     * What the rebuilds of one upload did.
     *
     * @param failed shoppers whose rebuild failed and stay queued for the repair job
     */
    public record Rebuilt(int shoppers, int failed) {
    }

    /** One upload's rows, written batch by batch; {@link #finish} rebuilds the shoppers it named. */
    public final class Upload {
        private final Set<String> shoppers = new LinkedHashSet<>();
        /** The events of the last {@link #INDEX_LAG} that the rebuild reads by id if the index does not list them. */
        private final ArrayDeque<Stored> recent = new ArrayDeque<>();
        private final List<RebuildQueue.Entry> entries = new ArrayList<>();
        private final StateRebuild.Run run = rebuild.run();
        private int rebuilt;
        private int failed;

        private Upload() {
        }

        /** Validates and stores one batch of rows; a result per row, in order. */
        public List<EventResult> write(List<JsonNode> rows) {
            EventResult[] results = new EventResult[rows.size()];
            Map<String, Integer> firsts = new LinkedHashMap<>();
            Map<Integer, ShopperEvent> valid = new HashMap<>();
            List<Integer> repeats = new ArrayList<>();
            List<JsonNode> identifyRows = new ArrayList<>();
            List<Integer> identifyIndexes = new ArrayList<>();
            Set<String> identified = new LinkedHashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                ShopperEvent event;
                try {
                    event = validator.validate(rows.get(i));
                } catch (InvalidInputException e) {
                    results[i] = new EventResult(i, null, EventResult.Status.REJECTED, e.code(), e.getMessage());
                    continue;
                }
                if (event.type() == EventType.IDENTIFY) {
                    identifyRows.add(rows.get(i));
                    identifyIndexes.add(i);
                    identified.add(event.userId());
                    continue;
                }
                valid.put(i, event);
                if (firsts.putIfAbsent(event.eventId(), i) != null) {
                    repeats.add(i);
                }
            }
            store(firsts, valid, results);
            for (int i : repeats) {
                results[i] = repeat(i, valid.get(i), valid.get(firsts.get(valid.get(i).eventId())),
                        results[firsts.get(valid.get(i).eventId())]);
            }
            if (!identifyRows.isEmpty()) {
                // a session merged now may still miss rows of this file stored under it: the shopper is rebuilt at
                // the end, from the log, like every shopper the file names
                enqueue(identified, clock.instant());
                List<EventResult> merged = identifies.ingest(identifyRows, lease);
                for (int j = 0; j < merged.size(); j++) {
                    EventResult r = merged.get(j);
                    results[identifyIndexes.get(j)] = new EventResult(identifyIndexes.get(j), r.eventId(), r.status(),
                            r.code(), r.message());
                }
            }
            if (shoppers.size() >= REBUILD_AFTER) {
                rebuildQueued();
            }
            return Arrays.asList(results);
        }

        /** Rebuilds every shopper the upload named; call once, after the last batch. */
        public Rebuilt finish() {
            rebuildQueued();
            return new Rebuilt(rebuilt, failed);
        }

        private void store(Map<String, Integer> firsts, Map<Integer, ShopperEvent> valid, EventResult[] results) {
            if (firsts.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Map<String, StoredEvent> found;
            try {
                found = find(List.copyOf(firsts.keySet()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reading " + firsts.size() + " history ids failed; none was stored", e);
                firsts.values().forEach(i -> results[i] = failed(i, valid.get(i)));
                return;
            }
            List<ShopperEvent> fresh = new ArrayList<>();
            List<ShopperEvent> known = new ArrayList<>();
            Set<String> named = new LinkedHashSet<>();
            firsts.forEach((id, i) -> {
                ShopperEvent event = valid.get(i);
                StoredEvent stored = found.get(id);
                if (stored == null) {
                    fresh.add(event);
                } else if (!stored.event().equals(event)) {
                    results[i] = new EventResult(i, id, EventResult.Status.CONFLICT, "event_conflict",
                            "eventId " + id + " was used before by a different event; nothing changed");
                    return;
                } else {
                    results[i] = new EventResult(i, id, EventResult.Status.DUPLICATE, null, null);
                }
                if (event.type().isInteraction()) {
                    known.add(event);
                    named.add(event.userId());
                }
            });
            if (!enqueue(named, now)) {
                LOG.warning(() -> fresh.size() + " history rows not stored: their shoppers could not be queued");
                fresh.forEach(event -> results[firsts.get(event.eventId())] =
                        failed(firsts.get(event.eventId()), event));
                return;
            }
            forgetOlderThan(now.minus(INDEX_LAG));
            recent.add(new Stored(now, known.stream().map(e -> new StoredId(e.userId(), e.eventId())).toList()));
            List<CompletableFuture<Boolean>> stores = new ArrayList<>();
            for (int from = 0; from < fresh.size(); from += STORE_BATCH) {
                List<ShopperEvent> part = fresh.subList(from, Math.min(fresh.size(), from + STORE_BATCH));
                stores.add(CompletableFuture.supplyAsync(() -> storeAll(part, now), executor));
            }
            for (int p = 0; p < stores.size(); p++) {
                boolean ok = stores.get(p).join();
                for (ShopperEvent event : fresh.subList(p * STORE_BATCH, Math.min(fresh.size(), (p + 1) * STORE_BATCH))) {
                    int i = firsts.get(event.eventId());
                    results[i] = ok ? new EventResult(i, event.eventId(), EventResult.Status.ACCEPTED, null, null)
                            : failed(i, event);
                    if (ok && event.recommendationId() != null) {
                        credit(event);
                    }
                }
            }
        }

        /**
         * Enters the shoppers not queued yet in the rebuild queue (before anything of theirs is written); false when
         * that failed.
         */
        private boolean enqueue(Set<String> named, Instant now) {
            named.removeAll(shoppers);
            if (named.isEmpty()) {
                return true;
            }
            // named by its content: two entries with the same id are the same to-do
            RebuildQueue.Entry entry = new RebuildQueue.Entry(Identifiers.pseudonym(now.toEpochMilli() + "\n"
                    + String.join("\n", named)), named, now.plus(lease));
            try {
                queue.add(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "queueing " + named.size() + " shoppers for a rebuild failed", e);
                return false;
            }
            entries.add(entry);
            shoppers.addAll(named);
            return true;
        }

        /** The stored events among {@code ids}, read {@value #FIND_BATCH} at a time on the executor. */
        private Map<String, StoredEvent> find(List<String> ids) {
            List<CompletableFuture<Map<String, StoredEvent>>> reads = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += FIND_BATCH) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + FIND_BATCH));
                reads.add(CompletableFuture.supplyAsync(() -> events.find(part), executor));
            }
            Map<String, StoredEvent> found = new HashMap<>();
            try {
                reads.forEach(read -> found.putAll(read.join()));
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return found;
        }

        private void forgetOlderThan(Instant cutoff) {
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(cutoff)) {
                recent.removeFirst();
            }
        }

        private boolean storeAll(List<ShopperEvent> part, Instant now) {
            try {
                events.storeApplied(part, now);
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "storing " + part.size() + " history rows failed", e);
                return false;
            }
        }

        private void rebuildQueued() {
            if (shoppers.isEmpty()) {
                return;
            }
            forgetOlderThan(clock.instant().minus(INDEX_LAG));
            Map<String, List<String>> known = new LinkedHashMap<>();
            shoppers.forEach(shopper -> known.put(shopper, new ArrayList<>()));
            recent.forEach(stored -> stored.events().forEach(e -> known.get(e.shopperKey()).add(e.eventId())));
            long start = System.nanoTime();
            Set<String> left = run.rebuildAll(known, executor);
            LOG.info(String.format("rebuilt %d shoppers' states from the log in %d ms (%d failed)", shoppers.size(),
                    (System.nanoTime() - start) / 1_000_000, left.size()));
            rebuilt += shoppers.size() - left.size();
            failed += left.size();
            if (left.isEmpty()) {
                entries.forEach(entry -> {
                    try {
                        queue.remove(entry);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "removing a done rebuild entry failed; the repair job rebuilds its "
                                + "shoppers again, which changes nothing", e);
                    }
                });
            } else {
                LOG.warning(() -> left.size() + " shoppers' states were not rebuilt; their entries stay queued for"
                        + " the repair job");
            }
            shoppers.clear();
            entries.clear();
            recent.clear();
        }
    }

    /**
     * Credits an event to the answer it names; a failure is logged (the log keeps the recommendation id), as on the
     * live path.
     */
    private void credit(ShopperEvent event) {
        try {
            impressions.credit(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "crediting history event " + event.eventId() + " to its recommendation failed", e);
        }
    }

    /** The shopper and id of each event of a batch, and when the batch was stored. */
    private record Stored(Instant at, List<StoredId> events) {
    }

    private record StoredId(String shopperKey, String eventId) {
    }

    /** An id seen earlier in the same batch: that occurrence's fate decides. */
    private static EventResult repeat(int index, ShopperEvent event, ShopperEvent first, EventResult fate) {
        if (!first.equals(event)) {
            return new EventResult(index, event.eventId(), EventResult.Status.CONFLICT, "event_conflict",
                    "eventId " + event.eventId() + " is used earlier in this file by a different event");
        }
        return fate.status() == EventResult.Status.ACCEPTED || fate.status() == EventResult.Status.DUPLICATE
                ? new EventResult(index, event.eventId(), EventResult.Status.DUPLICATE, null, null) : fate;
    }

    private static EventResult failed(int index, ShopperEvent event) {
        LOG.fine(() -> "history row of " + Identifiers.pseudonym(event.userId()) + " not stored");
        return new EventResult(index, event.eventId(), EventResult.Status.FAILED, "storage_error",
                "the row was not stored; import the file again: stored rows count once");
    }
}
