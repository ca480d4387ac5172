package io.omnirec.core.store;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.ItemStats;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Catalog, customer profiles, real-time shopper state, item counters and the derived popularity list. */
public interface FeatureStore {

    /** Most items {@link #savePopularItems(List)} keeps; bounds the size of that one stored record. */
    int MAX_POPULAR_ITEMS = 1000;

    void upsertItems(List<CatalogItem> items);

    void upsertCustomers(List<Customer> customers);

    /** The catalog items among {@code itemIds} that exist. */
    Map<String, CatalogItem> items(Collection<String> itemIds);

    void forEachItem(Consumer<CatalogItem> visitor);

    /** Adds one event's deltas to the shopper's state and the item's counters. */
    void apply(InteractionUpdate update);

    /** Counters of every item that has any. */
    Map<String, ItemStats> allItemStats();

    /** Replaces the popularity list, most popular first; at most {@link #MAX_POPULAR_ITEMS}. */
    void savePopularItems(List<ItemSnapshot> items);

    /** Everything a recommendation for this shopper needs, read in one round trip. */
    ShopperContext loadShopperContext(String userId);
}
