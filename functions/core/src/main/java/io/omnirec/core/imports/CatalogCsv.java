package io.omnirec.core.imports;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.InvalidInputException;

import java.util.List;

/** {@code item_id,title,category,brand,price,consumable}; category levels separated by {@code /}. */
public final class CatalogCsv implements RowMapper<CatalogItem> {
    public static final List<String> HEADER = List.of("item_id", "title", "category", "brand", "price", "consumable");
    static final int MAX_CATEGORY_LEVELS = 5;

    @Override
    public List<String> header() {
        return HEADER;
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
                Fields.bool("consumable", f.get(5)));
    }

    @Override
    public String idOf(CatalogItem value) {
        return value.itemId();
    }

    /** One CSV line for an item, quoted where needed; the writer side of this format. */
    public static String line(CatalogItem item) {
        return String.join(",", Csv.quote(item.itemId()), Csv.quote(item.title()), Csv.quote(item.category()),
                Csv.quote(item.brand()), String.valueOf(item.price()), String.valueOf(item.consumable()));
    }
}
