package io.omnirec.core.store;

import java.util.Optional;
import java.util.Set;

/**
 * What a place that serves shoppers (a store, or {@link io.omnirec.core.domain.StockLevel#ONLINE} for the web shop and
 * app) holds for recommendations: the items it cannot sell now, and its name.
 */
public record StoreStock(Set<String> unavailable, Optional<String> name) {
    /** A place with everything in stock and no name: also what no place at all means. */
    public static final StoreStock NONE = new StoreStock(Set.of(), Optional.empty());

    public StoreStock {
        unavailable = Set.copyOf(unavailable);
    }
}
