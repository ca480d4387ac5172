package io.omnirec.core.imports;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.InvalidInputException;

import java.util.List;

/**
 * {@code item_id,title,category,brand,price,consumable[,repurchase_days[,active]]}; category levels separated by
 * {@code /}; {@code repurchase_days} (optional column, may be empty) how many days a consumable typically lasts;
 * {@code active} (optional, may be empty for true) false for an item withdrawn from sale.
 */
public final class CatalogCsv implements RowMapper<CatalogItem> {
    public static final List<String> HEADER = List.of("item_id", "title", "category", "brand", "price", "consumable");
    public static final List<String> OPTIONAL = List.of("repurchase_days", "active");
    static final int MAX_CATEGORY_LEVELS = 5;

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<String> optionalColumns() {
        return OPTIONAL;
    }

    /** The header {@link #line} writes under: every column. */
    public static String fullHeader() {
        return String.join(",", HEADER) + "," + String.join(",", OPTIONAL);
    }

    @Override
    public CatalogItem map(List<String> f) {
        String category = Fields.text("category", f.get(2), 256);
        String[] levels = category.split("/", -1);
        if (levels.length > MAX_CATEGORY_LEVELS) {
            throw new InvalidInputException("invalid_category", "category has more than " + MAX_CATEGORY_LEVELS + " levels");
        }
        for (String level : levels) {
            if (level.isBlank()) {
                throw new InvalidInputException("invalid_category", "category has an empty level");
            }
        }
        return new CatalogItem(Fields.id("item_id", f.get(0)), Fields.text("title", f.get(1), 256), category,
                Fields.text("brand", f.get(3), 128), Fields.number("price", f.get(4), 0, 10_000_000),
                Fields.bool("consumable", f.get(5)), f.get(6).isBlank() ? 0
                : Fields.integer("repurchase_days", f.get(6), 1, CatalogItem.MAX_REPURCHASE_DAYS),
                !f.get(7).isBlank() && !Fields.bool("active", f.get(7)));
    }

    @Override
    public String idOf(CatalogItem value) {
        return value.itemId();
    }

    /** One CSV line for an item, quoted where needed; the writer side of this format. */
    public static String line(CatalogItem item) {
        return String.join(",", Csv.quote(item.itemId()), Csv.quote(item.title()), Csv.quote(item.category()),
                Csv.quote(item.brand()), String.valueOf(item.price()), String.valueOf(item.consumable()),
                item.repurchaseDays() == 0 ? "" : String.valueOf(item.repurchaseDays()),
                String.valueOf(item.active()));
    }
}
