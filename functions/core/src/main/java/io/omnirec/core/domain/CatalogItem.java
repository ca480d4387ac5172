package io.omnirec.core.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;

/**
 * A product in the catalog.
 *
 * @param category   category path from the root, levels separated by {@code /}, e.g. {@code Grocery/Dairy}
 * @param consumable     true for items that are bought again (groceries, beauty); durables are never re-recommended
 * @param repurchaseDays for a consumable, how many days one purchase typically lasts (0 when not known): it comes back
 *                       as a restock reminder when that time is nearly up, and not before
 * @param inactive       withdrawn from sale (the catalog's {@code active} column set to false): never recommended,
 *                       while its history still counts
 * @param details        description, attributes and launch date ({@link ItemDetails#NONE} when the catalog gives none);
 *                       left out of the aggregates bundle, which serves recommendations and does not need them
 */
public record CatalogItem(String itemId, String title, String category, String brand, double price,
                          boolean consumable, int repurchaseDays, boolean inactive,
                          @JsonIgnore ItemDetails details) {
    public static final int MAX_REPURCHASE_DAYS = 3650;

    public CatalogItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
        details = details == null ? ItemDetails.NONE : details;
        if (repurchaseDays < 0 || repurchaseDays > MAX_REPURCHASE_DAYS) {
            throw new IllegalArgumentException("repurchaseDays must be 0-" + MAX_REPURCHASE_DAYS);
        }
    }

    /** An item without details. */
    public CatalogItem(String itemId, String title, String category, String brand, double price, boolean consumable,
                       int repurchaseDays, boolean inactive) {
        this(itemId, title, category, brand, price, consumable, repurchaseDays, inactive, ItemDetails.NONE);
    }

    /** An item on sale. */
    public CatalogItem(String itemId, String title, String category, String brand, double price, boolean consumable,
                       int repurchaseDays) {
        this(itemId, title, category, brand, price, consumable, repurchaseDays, false);
    }

    /** An item on sale without a known repurchase cycle. */
    public CatalogItem(String itemId, String title, String category, String brand, double price, boolean consumable) {
        this(itemId, title, category, brand, price, consumable, 0, false);
    }

    /** Whether the item is on sale and may be recommended. */
    public boolean active() {
        return !inactive;
    }

    /** The first level of the category path. */
    public String topCategory() {
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }
}
