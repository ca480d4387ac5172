package io.omnirec.core.imports;

import io.omnirec.core.domain.Customer;

import java.util.List;

/**
 * {@code user_id,age,gender,region,home_store_id[,postal_code[,personalization]]}; gender is F, M or X; home_store_id
 * and postal_code may be empty; personalization (optional, empty for true) false when the shopper withdrew consent.
 */
public final class CustomerCsv implements RowMapper<Customer> {
    public static final List<String> HEADER = List.of("user_id", "age", "gender", "region", "home_store_id");
    public static final List<String> OPTIONAL = List.of("postal_code", "personalization");

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<String> optionalColumns() {
        return OPTIONAL;
    }

    @Override
    public Customer map(List<String> f) {
        String gender = f.get(2).strip();
        if (!List.of("F", "M", "X").contains(gender)) {
            throw new io.omnirec.core.domain.InvalidInputException("invalid_gender", "gender must be F, M or X");
        }
        String store = f.get(4).strip();
        String postal = f.size() > 5 ? f.get(5).strip() : "";
        String consent = f.size() > 6 ? f.get(6) : "";
        return new Customer(Fields.id("user_id", f.get(0)), Fields.integer("age", f.get(1), 0, 120), gender,
                Fields.text("region", f.get(3), 64), store.isEmpty() ? "" : Fields.id("home_store_id", store),
                postal.isEmpty() ? "" : Fields.text("postal_code", postal, 16),
                consent.isBlank() || Fields.bool("personalization", consent));
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
