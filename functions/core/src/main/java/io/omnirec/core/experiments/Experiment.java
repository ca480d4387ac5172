package io.omnirec.core.experiments;

import io.omnirec.core.domain.Identifiers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * A champion/challenger experiment: {@code share} of shoppers, chosen by a stable hash of the experiment id and the
 * shopper's key, get the challenger model; everyone else the champion.
 *
 * @param champion   the champion version when the experiment started (the report's baseline)
 * @param challenger the version some shoppers get
 * @param share      the challenger's share of shoppers, in (0, 0.5]
 */
public record Experiment(String id, String champion, String challenger, double share, Instant startedAt) {
    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";
    /** The largest challenger share: an experiment risks at most half the traffic. */
    public static final double MAX_SHARE = 0.5;

    public Experiment {
        Identifiers.requireToken("experimentId", id);
        Identifiers.requireToken("challenger", challenger);
        Objects.requireNonNull(startedAt, "startedAt");
        requireShare(share);
    }

    /** {@code invalid_share} unless the share is above 0 and at most {@link #MAX_SHARE}. */
    public static void requireShare(double share) {
        if (!(share > 0 && share <= MAX_SHARE)) {
            throw new io.omnirec.core.domain.InvalidInputException("invalid_share",
                    "share must be above 0 and at most " + MAX_SHARE);
        }
    }

    /** The variant a shopper (or anonymous session) gets: the same for the whole experiment. */
    public String variantOf(String shopperKey) {
        return bucket(id + "\n" + shopperKey) < share ? CHALLENGER : CHAMPION;
    }

    /** The model version a variant is served. */
    public String versionOf(String variant) {
        return CHALLENGER.equals(variant) ? challenger : champion;
    }

    /** A uniform number in [0, 1) from the first 8 bytes of the text's SHA-256. */
    static double bucket(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
