package io.omnirec.core.imports;

import io.omnirec.core.domain.StockLevel;

import java.util.List;

/** {@code store_id,item_id,in_stock}; {@code store_id} {@code online} is the web shop's and app's availability. */
public final class InventoryCsv implements RowMapper<StockLevel> {
    public static final List<String> HEADER = List.of("store_id", "item_id", "in_stock");

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public StockLevel map(List<String> f) {
        return new StockLevel(Fields.id("store_id", f.get(0)), Fields.id("item_id", f.get(1)),
                Fields.bool("in_stock", f.get(2)));
    }

    @Override
    public String idOf(StockLevel value) {
        return value.storeId() + "|" + value.itemId();
    }
}
