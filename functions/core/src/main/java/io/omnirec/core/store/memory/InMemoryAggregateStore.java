package io.omnirec.core.store.memory;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.store.AggregateStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Aggregate builds in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryAggregateStore implements AggregateStore {
    private final Map<String, Aggregates> builds = new ConcurrentHashMap<>();
    private volatile String latest;

    @Override
    public void save(Aggregates aggregates) {
        builds.put(aggregates.version(), aggregates);
        latest = aggregates.version();
    }

    @Override
    public Optional<Aggregates> latest() {
        return latestVersion().map(builds::get);
    }

    @Override
    public Optional<String> latestVersion() {
        return Optional.ofNullable(latest);
    }

    @Override
    public Optional<Aggregates> load(String version) {
        return Optional.ofNullable(builds.get(version));
    }
}
