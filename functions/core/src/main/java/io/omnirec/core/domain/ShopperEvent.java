package io.omnirec.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One validated shopper event. Build it through {@link io.omnirec.core.ingest.EventValidator}; the record itself only
 * guards against nulls in required fields.
 *
 * @param eventId          client-chosen id; the same id delivered twice counts once
 * @param storeId          the store for physical channels, optional otherwise
 * @param sessionId        optional session id
 * @param recommendationId optional id of the recommendation this event answers (attribution)
 */
public record ShopperEvent(String eventId, String userId, String itemId, EventType type, Instant timestamp,
                           Channel channel, String storeId, String sessionId, String recommendationId) {
    public ShopperEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
    }
}
