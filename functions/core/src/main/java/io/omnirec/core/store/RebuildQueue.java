package io.omnirec.core.store;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The durable to-do list of the bulk history import: before a batch of history rows is stored, the shoppers it names
 * are entered here; once their states are rebuilt from the log, the entry is removed. An entry whose lease ran out
 * (its import died or timed out) is rebuilt by the repair job, so a stored row always reaches its shopper's state.
 */
public interface RebuildQueue {

    /**
     * Shoppers whose state must be rebuilt from the log.
     *
     * @param id         unique per entry
     * @param leaseUntil until when the import that wrote it may still rebuild them itself
     */
    record Entry(String id, Set<String> shopperKeys, Instant leaseUntil) {
        public Entry {
            shopperKeys = Set.copyOf(shopperKeys);
        }
    }

    void add(Entry entry);

    /** Removes the entry; removing one that is gone does nothing. */
    void remove(Entry entry);

    /** Visits the entries whose lease ended before {@code now} (through their key, never a scan). */
    void forEachExpired(Instant now, Consumer<Entry> visitor);
}
