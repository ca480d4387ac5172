package io.omnirec.core.features;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;

/**
 * One entry of a shopper's recent interactions ({@link UserState#recent()}).
 *
 * @param at      epoch seconds
 * @param storeId the store for physical channels, otherwise {@code null}
 */
public record Interaction(String itemId, EventType type, long at, Channel channel, String storeId) {
}
