package io.omnirec.core.store.memory;

import io.omnirec.core.store.RebuildQueue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Rebuild entries in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryRebuildQueue implements RebuildQueue {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void add(Entry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public void remove(Entry entry) {
        entries.remove(entry.id());
    }

    @Override
    public void forEachExpired(Instant now, Consumer<Entry> visitor) {
        List.copyOf(entries.values()).stream().filter(e -> e.leaseUntil().isBefore(now)).forEach(visitor);
    }

    /** How many entries wait; for tests. */
    public int size() {
        return entries.size();
    }
}
