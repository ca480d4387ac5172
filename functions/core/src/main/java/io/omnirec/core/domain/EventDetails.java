package io.omnirec.core.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What some events say beyond who did what to which item and when: a purchase's or a return's quantity, unit price and
 * order id, a rating's value, a search's query text, and free {@code properties} (at most {@value #MAX_PROPERTIES}).
 *
 * @param quantity  items bought or returned, 1 for every other type
 * @param unitPrice what one item cost in this purchase, or {@code null} (the catalog price is used)
 * @param orderId   the retailer's order, or {@code null}
 * @param rating    the value of a {@code rate} event, 1 to 5; {@code null} for every other type
 * @param query     the text of a {@code search} event; {@code null} for every other type
 */
public record EventDetails(int quantity, Double unitPrice, String orderId, Double rating, String query,
                           Map<String, String> properties) {
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_PROPERTIES = 20;
    public static final int MAX_QUERY_LENGTH = 256;
    public static final int MAX_PROPERTY_LENGTH = 256;
    /** An event that says nothing more. */
    public static final EventDetails NONE = new EventDetails(1, null, null, null, null, Map.of());

    public EventDetails {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be 1-" + MAX_QUANTITY);
        }
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
