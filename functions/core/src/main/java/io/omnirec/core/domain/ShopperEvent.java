package io.omnirec.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One validated shopper event. Build it through {@link io.omnirec.core.ingest.EventValidator}; the record itself only
 * guards against nulls in required fields.
 *
 * @param eventId          client-chosen id; the same id delivered twice counts once
 * @param userId           whose state the event changes: the shopper's id, or for an anonymous visitor the session's
 *                         key ({@link ShopperKeys#session(String)})
 * @param itemId           the item; {@code null} only for {@link EventType#IDENTIFY}
 * @param storeId          the store for physical channels, optional otherwise
 * @param sessionId        optional session id; required for anonymous events and {@link EventType#IDENTIFY}
 * @param recommendationId optional id of the recommendation this event answers (attribution)
 */
public record ShopperEvent(String eventId, String userId, String itemId, EventType type, Instant timestamp,
                           Channel channel, String storeId, String sessionId, String recommendationId,
                           EventDetails details) {

    /** An event with nothing more to say ({@link EventDetails#NONE}). */
    public ShopperEvent(String eventId, String userId, String itemId, EventType type, Instant timestamp,
                        Channel channel, String storeId, String sessionId, String recommendationId) {
        this(eventId, userId, itemId, type, timestamp, channel, storeId, sessionId, recommendationId,
                EventDetails.NONE);
    }

    public ShopperEvent {
        details = details == null ? EventDetails.NONE : details;
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        if (type.isInteraction()) {
            Objects.requireNonNull(itemId, "itemId");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
    }

    /** Whether an anonymous visitor sent it: {@link #userId()} is then the session's key. */
    public boolean anonymous() {
        return ShopperKeys.isSession(userId);
    }
}
