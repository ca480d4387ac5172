package io.omnirec.core.features;

import java.time.Duration;
import java.time.Instant;

/**
 * Time decay of a shopper's category and brand affinities without ever rewriting them: each event's affinity weight is
 * stored multiplied by {@code 2^((t - REFERENCE) / HALF_LIFE)}, so an event one half-life later weighs twice as much.
 * Affinities are only read as shares (weight over total, {@link UserState#share}); the common scale cancels, so a share
 * is the share with every event decayed to any moment. Stores add the scaled weights as they add any weight. The
 * exponent is kept within {@value #MAX_HALF_LIVES} half-lives of the reference (1928 to 2124 at a 90-day half-life),
 * so the numbers stay inside DynamoDB's range (about 1e-130 to 1e125).
 */
public final class AffinityDecay {
    /** How long until an event's weight in the shopper's affinities halves, relative to a new one. */
    public static final Duration HALF_LIFE = Duration.ofDays(90);
    static final Instant REFERENCE = Instant.parse("2026-01-01T00:00:00Z");
    static final int MAX_HALF_LIVES = 400;

    private AffinityDecay() {
    }

    /** The factor an event at {@code at} multiplies its affinity weights by. */
    public static double scale(Instant at) {
        double halfLives = (double) (at.getEpochSecond() - REFERENCE.getEpochSecond()) / HALF_LIFE.getSeconds();
        return Math.pow(2, Math.max(-MAX_HALF_LIVES, Math.min(MAX_HALF_LIVES, halfLives)));
    }
}
