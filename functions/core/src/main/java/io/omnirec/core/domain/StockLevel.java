package io.omnirec.core.domain;

import java.util.Objects;

/**
 * Whether a store can sell an item now. The store {@link #ONLINE} holds the web shop's and the app's availability.
 * An item a store does not sell at all is reported as not in stock there.
 */
public record StockLevel(String storeId, String itemId, boolean inStock) {
    public static final String ONLINE = "online";

    public StockLevel {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(itemId, "itemId");
    }
}
