package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventDetails;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.domain.ShopperKeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns one raw event object into a {@link ShopperEvent}, or rejects it with a machine-readable code. Every field is
 * a string; unknown fields are rejected so that a misspelt field is never silently ignored. An event without
 * {@code userId} but with {@code sessionId} comes from an anonymous visitor and changes the session's state; an
 * {@code identify} event carries both ids and no item.
 */
public final class EventValidator {
    static final Set<String> FIELDS = Set.of("eventId", "userId", "itemId", "type", "timestamp", "channel",
            "storeId", "sessionId", "recommendationId", "quantity", "unitPrice", "orderId", "rating", "query",
            "properties");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** How far back the live API accepts events: the event table's retention. Older events are history. */
    static final int LIVE_DAYS = 400;
    /** The earliest time anything accepts: before it a timestamp is a mistake (zero, a unit error). */
    static final Instant EARLIEST_HISTORY = Instant.parse("1970-01-02T00:00:00Z");
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final Clock clock;
    private final Duration window;

    private EventValidator(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /**
     * For the live API: events from the last {@value #LIVE_DAYS} days up to a day of clock skew ahead. Older events
     * are history and go through an import.
     */
    public static EventValidator live(Clock clock) {
        return new EventValidator(clock, Duration.ofDays(LIVE_DAYS));
    }

    /** For imports of history and offline evaluation: any time from 1970 up to a day of clock skew ahead. */
    public static EventValidator historical(Clock clock) {
        return new EventValidator(clock, null);
    }

    public ShopperEvent validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("invalid_event", "an event must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException("unknown_field", "unknown field: " + abbreviate(name));
            }
        }
        String eventId = Identifiers.requireValid("eventId", text(node, "eventId", true));
        String typeName = text(node, "type", true);
        EventType type = EventType.fromWire(typeName)
                .orElseThrow(() -> new InvalidInputException("invalid_type", "unknown event type: " + abbreviate(typeName)));
        String sessionId = optionalId(node, "sessionId");
        String userId = optionalId(node, "userId");
        if (userId == null && (sessionId == null || type == EventType.IDENTIFY)) {
            throw new InvalidInputException("missing_userId", type == EventType.IDENTIFY
                    ? "userId is required: identify links a session to a shopper"
                    : "userId is required (or sessionId for an anonymous visitor)");
        }
        if (type == EventType.IDENTIFY && sessionId == null) {
            throw new InvalidInputException("missing_sessionId", "sessionId is required: identify links a session to a shopper");
        }
        String itemId = null;
        if (type.isInteraction()) {
            itemId = Identifiers.requireValid("itemId", text(node, "itemId", true));
        } else if (node.has("itemId")) {
            throw new InvalidInputException("unexpected_itemId", "a " + type.wireName() + " event names no item");
        }
        String channelName = text(node, "channel", true);
        Channel channel = Channel.fromWire(channelName)
                .orElseThrow(() -> new InvalidInputException("invalid_channel", "unknown channel: " + abbreviate(channelName)));
        Instant timestamp = timestamp(text(node, "timestamp", true));
        String storeId = optionalId(node, "storeId");
        if (channel.isPhysical() && storeId == null) {
            throw new InvalidInputException("missing_storeId", "storeId is required for channel " + channel.wireName());
        }
        String owner = userId != null ? userId : ShopperKeys.session(sessionId);
        return new ShopperEvent(eventId, owner, itemId, type, timestamp, channel, storeId, sessionId,
                optionalId(node, "recommendationId"), details(node, type));
    }

    /** The fields only some types carry; each is refused on a type it means nothing to. */
    private static EventDetails details(JsonNode node, EventType type) {
        boolean trade = type == EventType.PURCHASE || type == EventType.RETURN;
        int quantity = 1;
        if (node.hasNonNull("quantity")) {
            only(trade, "quantity", "purchase and return");
            JsonNode value = node.get("quantity");
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1
                    || value.asInt() > EventDetails.MAX_QUANTITY) {
                throw new InvalidInputException("invalid_quantity", "quantity must be a whole number 1-"
                        + EventDetails.MAX_QUANTITY);
            }
            quantity = value.asInt();
        }
        Double unitPrice = null;
        if (node.hasNonNull("unitPrice")) {
            only(trade, "unitPrice", "purchase and return");
            JsonNode value = node.get("unitPrice");
            if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 10_000_000)) {
                throw new InvalidInputException("invalid_unitPrice", "unitPrice must be a number 0-10000000");
            }
            unitPrice = value.asDouble();
        }
        String orderId = optionalId(node, "orderId");
        if (orderId != null) {
            only(trade, "orderId", "purchase and return");
        }
        Double rating = null;
        if (type == EventType.RATE) {
            JsonNode value = node.get("rating");
            if (value == null || value.isNull()) {
                throw new InvalidInputException("missing_rating", "a rate event needs rating, 1-5");
            }
            if (!value.isNumber() || !(value.asDouble() >= 1 && value.asDouble() <= 5)) {
                throw new InvalidInputException("invalid_rating", "rating must be a number 1-5");
            }
            rating = value.asDouble();
        } else if (node.hasNonNull("rating")) {
            only(false, "rating", "rate");
        }
        String query = text(node, "query", type == EventType.SEARCH);
        if (query != null) {
            only(type == EventType.SEARCH, "query", "search");
            if (query.isBlank() || query.length() > EventDetails.MAX_QUERY_LENGTH || !Identifiers.isPrintable(query)) {
                throw new InvalidInputException("invalid_query", "query must be 1-" + EventDetails.MAX_QUERY_LENGTH
                        + " characters of printable text");
            }
        }
        return new EventDetails(quantity, unitPrice, orderId, rating, query, properties(node));
    }

    private static Map<String, String> properties(JsonNode node) {
        JsonNode value = node.get("properties");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject() || value.size() > EventDetails.MAX_PROPERTIES) {
            throw new InvalidInputException("invalid_properties", "properties must be an object of at most "
                    + EventDetails.MAX_PROPERTIES + " string values");
        }
        Map<String, String> properties = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!PROPERTY_NAME.matcher(entry.getKey()).matches() || !entry.getValue().isTextual()
                    || entry.getValue().asText().length() > EventDetails.MAX_PROPERTY_LENGTH
                    || !Identifiers.isPrintable(entry.getValue().asText())) {
                throw new InvalidInputException("invalid_properties", "properties: names of 1-64 of A-Z a-z 0-9 _ . -,"
                        + " values printable text of at most " + EventDetails.MAX_PROPERTY_LENGTH + " characters");
            }
            properties.put(entry.getKey(), entry.getValue().asText());
        }
        return properties;
    }

    private static void only(boolean allowed, String field, String types) {
        if (!allowed) {
            throw new InvalidInputException("unexpected_" + field, field + " belongs to " + types + " events only");
        }
    }

    private Instant timestamp(String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid_timestamp", "timestamp must be ISO-8601 UTC, e.g. 2026-11-29T10:15:30Z");
        }
        Instant now = clock.instant();
        Instant earliest = window == null ? EARLIEST_HISTORY : now.minus(window);
        if (instant.isBefore(earliest) || instant.isBefore(EARLIEST_HISTORY)) {
            throw new InvalidInputException("invalid_timestamp", window == null
                    ? "timestamp is before 1970-01-02" : "timestamp is more than " + LIVE_DAYS
                    + " days old; import older history instead of sending it live");
        }
        if (instant.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidInputException("invalid_timestamp", "timestamp is more than a day in the future");
        }
        return instant;
    }

    private static String optionalId(JsonNode node, String field) {
        String value = text(node, field, false);
        return value == null ? null : Identifiers.requireValid(field, value);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException("missing_" + field, field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException("invalid_" + field, field + " must be a string");
        }
        return value.asText();
    }

    private static String abbreviate(String value) {
        String safe = value.replaceAll("[^\\x20-\\x7e]", "?");
        return safe.length() <= 40 ? safe : safe.substring(0, 40) + "...";
    }
}
