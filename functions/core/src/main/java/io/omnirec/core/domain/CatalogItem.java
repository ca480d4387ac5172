package io.omnirec.core.domain;

import java.util.Objects;

/**
 * A product in the catalog.
 *
 * @param category   category path from the root, levels separated by {@code /}, e.g. {@code Grocery/Dairy}
 * @param consumable true for items that are bought again (groceries, beauty); durables are never re-recommended
 */
public record CatalogItem(String itemId, String title, String category, String brand, double price,
                          boolean consumable) {
    public CatalogItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
    }

    /** The first level of the category path. */
    public String topCategory() {
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }
}
