package io.omnirec.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ItemDetails;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code item_id,title,category,brand,price,consumable[,repurchase_days[,active[,description[,launch_date[,attributes]]]]]};
 * category levels separated by {@code /}; {@code repurchase_days} (optional column, may be empty) how many days a
 * consumable typically lasts; {@code active} (optional, may be empty for true) false for an item withdrawn from sale;
 * {@code description} free text; {@code launch_date} when it goes on sale ({@code 2026-12-01}); {@code attributes} a
 * JSON object of text values ({@code {"colour":"red","size":"L"}}; in JSON Lines the object itself).
 */
public final class CatalogCsv implements RowMapper<CatalogItem> {
    public static final List<String> HEADER = List.of("item_id", "title", "category", "brand", "price", "consumable");
    public static final List<String> OPTIONAL = List.of("repurchase_days", "active", "description", "launch_date",
            "attributes");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_CATEGORY_LEVELS = 5;

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<String> optionalColumns() {
        return OPTIONAL;
    }

    @Override
    public Set<String> jsonColumns() {
        return Set.of("attributes");
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
                !f.get(7).isBlank() && !Fields.bool("active", f.get(7)), details(f));
    }

    private static ItemDetails details(List<String> f) {
        String description = f.get(8).strip();
        if (description.length() > ItemDetails.MAX_DESCRIPTION || description.chars().anyMatch(c -> c < 0x20 && c != '\n'
                && c != '\t')) {
            throw new InvalidInputException("invalid_description", "description must be at most "
                    + ItemDetails.MAX_DESCRIPTION + " characters without control characters");
        }
        LocalDate launch = f.get(9).isBlank() ? null : Fields.date("launch_date", f.get(9));
        return new ItemDetails(description, f.get(10).isBlank() ? Map.of() : attributes(f.get(10)), launch);
    }

    /** A JSON object of at most {@value ItemDetails#MAX_ATTRIBUTES} short text (or number, boolean) values. */
    private static Map<String, String> attributes(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || root.size() > ItemDetails.MAX_ATTRIBUTES) {
            throw new InvalidInputException("invalid_attributes", "attributes must be a JSON object of at most "
                    + ItemDetails.MAX_ATTRIBUTES + " names with text values");
        }
        Map<String, String> attributes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new InvalidInputException("invalid_attributes", "attribute " + field.getKey()
                        + " must be text, a number or a boolean");
            }
            attributes.put(Fields.text("attributes", field.getKey(), ItemDetails.MAX_ATTRIBUTE_LENGTH),
                    Fields.text("attributes", field.getValue().asText(), ItemDetails.MAX_ATTRIBUTE_LENGTH));
        }
        return attributes;
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
                String.valueOf(item.active()), Csv.quote(item.details().description()),
                item.details().launchDate() == null ? "" : item.details().launchDate().toString(),
                item.details().attributes().isEmpty() ? "" : Csv.quote(attributesJson(item.details().attributes())));
    }

    private static String attributesJson(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
