package io.omnirec.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Omnirec's settings ({@code omnirec.*}); each can be set by environment, e.g. {@code OMNIREC_EVENTS_TABLE}.
 */
@ConfigMapping(prefix = "omnirec")
public interface OmnirecConfig {

    @WithDefault("omnirec-events")
    String eventsTable();

    @WithDefault("omnirec-features")
    String featuresTable();

    @WithDefault("omnirec-models")
    String modelsBucket();

    @WithDefault("models/")
    String modelsPrefix();

    /** Key prefix of aggregate builds in the models bucket. */
    @WithDefault("aggregates/")
    String aggregatesPrefix();

    @WithDefault("omnirec-imports")
    String importsBucket();

    /** Seed of every random choice in training. */
    @WithDefault("42")
    long trainingSeed();

    /** How often recommend checks whether the champion pointer moved. */
    @WithDefault("60")
    int modelRefreshSeconds();

    /** Recommend's diversity cap: at most this many items of one leaf category per answer; 0 turns it off. */
    @WithDefault("3")
    int maxPerCategory();

    /**
     * Recommend's exploration: the share of each answer's slots (rounded down) kept for new items with little history;
     * 0 turns it off.
     */
    @WithDefault("0.1")
    double explorationShare();

    /** How often recommend checks whether a newer aggregates build exists. */
    @WithDefault("300")
    int aggregatesRefreshSeconds();

    /** How often recommend folds the live sales heat of events accepted since the build into its aggregates. */
    @WithDefault("60")
    int liveHeatRefreshSeconds();

    /**
     * How long recommend serves a store's stock (and the web shop's) from what it read before: an item that sold out
     * may be recommended there for up to this long; 0 reads the stock with every call.
     */
    @WithDefault("10")
    int stockRefreshSeconds();

    /**
     * Whether recommend keeps each answer's impression and writes its metrics document after the answer is sent (an
     * internal Lambda extension runs the writes; see {@link AfterResponse}) rather than before it. Outside Lambda the
     * writes always come first.
     */
    @WithDefault("true")
    boolean impressionsAfterResponse();
}
