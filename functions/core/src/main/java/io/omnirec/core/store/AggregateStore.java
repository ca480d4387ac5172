package io.omnirec.core.store;

import io.omnirec.core.aggregates.Aggregates;

import java.util.Optional;

/**
 * Builds of the aggregates: each saved as a new object, then a pointer moved to it, so a reader never sees half a
 * build. Readers cache the latest build per container and ask for it again on a refresh clock.
 */
public interface AggregateStore {

    void save(Aggregates aggregates);

    /** The latest complete build, if any. */
    Optional<Aggregates> latest();

    /** The version the pointer names, without reading the build; cheap enough for a refresh check. */
    Optional<String> latestVersion();

    /** A build by version. */
    Optional<Aggregates> load(String version);
}
