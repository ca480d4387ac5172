package io.omnirec.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.domain.EventDetails;
import io.omnirec.core.domain.ShopperEvent;

import java.util.List;

/** Writes events in the wire format that {@link EventValidator} reads. */
public final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    public static ObjectNode toNode(ShopperEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", event.eventId());
        if (!event.anonymous()) {
            node.put("userId", event.userId());
        }
        if (event.itemId() != null) {
            node.put("itemId", event.itemId());
        }
        node.put("type", event.type().wireName());
        node.put("timestamp", event.timestamp().toString());
        node.put("channel", event.channel().wireName());
        if (event.storeId() != null) {
            node.put("storeId", event.storeId());
        }
        if (event.sessionId() != null) {
            node.put("sessionId", event.sessionId());
        }
        if (event.recommendationId() != null) {
            node.put("recommendationId", event.recommendationId());
        }
        EventDetails details = event.details();
        if (details.quantity() != 1) {
            node.put("quantity", details.quantity());
        }
        if (details.unitPrice() != null) {
            node.put("unitPrice", details.unitPrice());
        }
        if (details.orderId() != null) {
            node.put("orderId", details.orderId());
        }
        if (details.rating() != null) {
            node.put("rating", details.rating());
        }
        if (details.query() != null) {
            node.put("query", details.query());
        }
        if (!details.properties().isEmpty()) {
            ObjectNode properties = node.putObject("properties");
            details.properties().forEach(properties::put);
        }
        return node;
    }

    /** A batch body: {@code {"events": [...]}}. */
    public static String batch(List<ShopperEvent> events) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("events");
        events.forEach(e -> array.add(toNode(e)));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
