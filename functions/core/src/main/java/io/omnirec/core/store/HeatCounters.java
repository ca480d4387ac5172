package io.omnirec.core.store;

import io.omnirec.core.aggregates.HeatTally;

import java.time.Instant;
import java.util.NavigableMap;

/**
 * Sales heat as events arrive: the tallies of accepted events per minute, kept a few days. Ingest adds each request's
 * tally after answering its events; recommend reads the minutes since the last aggregates build on a refresh clock, so
 * popularity, trending and store lists move between builds. A tally that cannot be written is lost to the live view
 * only: the next build counts the event log.
 */
public interface HeatCounters {

    /** Adds a tally to the minute of {@code acceptedAt}. */
    void add(Instant acceptedAt, HeatTally tally);

    /** Every minute from the minute of {@code from} on with its tallies summed, keyed by the minute's start. */
    NavigableMap<Instant, HeatTally> since(Instant from);
}
