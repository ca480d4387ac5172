package io.omnirec.core.imports;

import io.omnirec.core.domain.Customer;

import java.util.List;

/** {@code user_id,age,gender,region,home_store_id}; gender is F, M or X; home_store_id may be empty. */
public final class CustomerCsv implements RowMapper<Customer> {
    public static final List<String> HEADER = List.of("user_id", "age", "gender", "region", "home_store_id");

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public Customer map(List<String> f) {
        String gender = f.get(2).strip();
        if (!List.of("F", "M", "X").contains(gender)) {
            throw new io.omnirec.core.domain.InvalidInputException("invalid_gender", "gender must be F, M or X");
        }
        String store = f.get(4).strip();
        return new Customer(Fields.id("user_id", f.get(0)), Fields.integer("age", f.get(1), 0, 120), gender,
                Fields.text("region", f.get(3), 64), store.isEmpty() ? "" : Fields.id("home_store_id", store));
    }

    @Override
    public String idOf(Customer value) {
        return value.userId();
    }

    public static String line(Customer c) {
        return String.join(",", Csv.quote(c.userId()), String.valueOf(c.age()), c.gender(), Csv.quote(c.region()),
                Csv.quote(c.homeStoreId()));
    }
}
