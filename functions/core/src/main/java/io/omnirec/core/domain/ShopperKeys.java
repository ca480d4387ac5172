package io.omnirec.core.domain;

import java.util.Optional;

/**
 * Whose state an event or a recommendation belongs to. A signed-in shopper's key is their user id; an anonymous
 * visitor's is their session's key, {@code ~session:<sessionId>}, which no user id can equal ({@code ~} is not an id
 * character, see {@link Identifiers}). Jobs treat a session like a shopper without a profile; its state is merged into
 * the shopper's when an {@link EventType#IDENTIFY} event links the two.
 */
public final class ShopperKeys {
    private static final String SESSION_PREFIX = "~session:";

    private ShopperKeys() {
    }

    /** The key of an anonymous session's state; {@code sessionId} must be a valid id. */
    public static String session(String sessionId) {
        return SESSION_PREFIX + Identifiers.requireValid("sessionId", sessionId);
    }

    public static boolean isSession(String key) {
        return key.startsWith(SESSION_PREFIX);
    }

    /** The session id of a session key; empty for a user id. */
    public static Optional<String> sessionId(String key) {
        return isSession(key) ? Optional.of(key.substring(SESSION_PREFIX.length())) : Optional.empty();
    }
}
