package io.omnirec.core.store.memory;

import io.omnirec.core.aggregates.HeatTally;
import io.omnirec.core.store.HeatCounters;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.NavigableMap;
import java.util.TreeMap;

/** {@link HeatCounters} in memory, for tests. */
public final class InMemoryHeatCounters implements HeatCounters {
    private final TreeMap<Instant, HeatTally> minutes = new TreeMap<>();

    @Override
    public synchronized void add(Instant acceptedAt, HeatTally tally) {
        minutes.merge(acceptedAt.truncatedTo(ChronoUnit.MINUTES), tally, HeatTally::plus);
    }

    @Override
    public synchronized NavigableMap<Instant, HeatTally> since(Instant from) {
        return new TreeMap<>(minutes.tailMap(from.truncatedTo(ChronoUnit.MINUTES), true));
    }
}
