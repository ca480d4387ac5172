package io.omnirec.core.imports;

import io.omnirec.core.domain.Store;

import java.util.List;

/** {@code store_id,name}: the stores shoppers know by name ({@code online} may be named too). */
public final class StoreCsv implements RowMapper<Store> {
    public static final List<String> HEADER = List.of("store_id", "name");

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public Store map(List<String> f) {
        return new Store(Fields.id("store_id", f.get(0)), f.get(1));
    }

    @Override
    public String idOf(Store value) {
        return value.storeId();
    }
}
