/**
 * Aggregates derived from the whole event history that are too heavy for the ingest path: item-to-item neighbour
 * lists (co-occurrence, a closed-form EASE model, content similarity), popularity in distinct buyers, time-decayed
 * "sales heat" per segment and per store, trending items and new arrivals. The features job builds them with
 * {@link io.omnirec.core.aggregates.AggregateBuilder}; training rebuilds them at its cutoffs with the same code, and
 * recommend serves from a per-container cached copy.
 */
package io.omnirec.core.aggregates;
