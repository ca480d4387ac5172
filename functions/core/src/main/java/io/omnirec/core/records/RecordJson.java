package io.omnirec.core.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ItemDetails;
import io.omnirec.core.domain.JsonBodies;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.imports.CatalogCsv;
import io.omnirec.core.imports.CustomerCsv;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile or a catalog item as the API reads and writes it: JSON with the fields of the customer and catalog imports
 * (camel case), checked by the very same row mappers, so that a record is valid over the API exactly when its CSV row
 * would be. Errors name the JSON field ({@code invalid_repurchaseDays}).
 */
public final class RecordJson {
    /** The largest body accepted. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** Stores one item body may set the availability of. */
    public static final int MAX_AVAILABILITY = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON field -> import column, in the column order of the customer import. */
    private static final Map<String, String> PROFILE = columns("userId", "user_id", "age", "age", "gender", "gender",
            "region", "region", "homeStoreId", "home_store_id", "postalCode", "postal_code", "personalizationConsent",
            "personalization");
    /** JSON field -> import column, in the column order of the catalog import. */
    private static final Map<String, String> ITEM = columns("itemId", "item_id", "title", "title", "category",
            "category", "brand", "brand", "price", "price", "consumable", "consumable", "repurchaseDays",
            "repurchase_days", "active", "active", "description", "description", "launchDate", "launch_date",
            "attributes", "attributes");

    /** Fields whose value is an object (read as its JSON text by the mapper, or by {@link #availability}). */
    private static final java.util.Set<String> JSON_FIELDS = java.util.Set.of("attributes", "availability");

    private RecordJson() {
    }

    /**
     * A profile from a {@code PUT /v1/users/{userId}} body: {@code age} (0-120) or {@code birthYear}, {@code gender}
     * ({@code F}, {@code M}, {@code X}), {@code region}, optional {@code homeStoreId}, {@code postalCode} and
     * {@code personalizationConsent} (true unless sent false).
     */
    public static Customer customer(String userId, byte[] body, Clock clock) {
        JsonNode root = JsonBodies.object(JSON, body, MAX_BODY_BYTES, "a JSON object of profile fields");
        Map<String, String> fields = scalars(root, PROFILE, "birthYear");
        if (fields.containsKey("birthYear")) {
            if (fields.containsKey("age")) {
                throw new InvalidInputException("invalid_age", "give age or birthYear, not both");
            }
            int year = LocalDate.now(clock).getYear();
            int born;
            try {
                born = Integer.parseInt(fields.remove("birthYear").strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("invalid_birthYear", "birthYear must be a year");
            }
            if (born < year - 120 || born > year) {
                throw new InvalidInputException("invalid_birthYear", "birthYear must be within the last 120 years");
            }
            fields.put("age", Integer.toString(year - born));
        }
        require(fields, "age", "gender", "region");
        fields.put("userId", userId);
        return map(new CustomerCsv()::map, PROFILE, fields);
    }

    /**
     * A {@code PUT /v1/items/{itemId}} body, read once: the item, and where it says the item can be sold now.
     *
     * @param availability empty when the body gives none
     */
    public record ItemBody(CatalogItem item, List<StockLevel> availability) {
    }

    /**
     * An item from a {@code PUT /v1/items/{itemId}} body: {@code title}, {@code category} (path {@code A/B}),
     * {@code brand}, {@code price}, optional {@code consumable}, {@code repurchaseDays}, {@code active},
     * {@code description}, {@code launchDate} ({@code 2026-12-01}), {@code attributes} (an object of text values) and
     * {@code availability}: {@code {"online": true, "store-01": false}} ({@link StockLevel#ONLINE} for the web shop
     * and app).
     */
    public static ItemBody itemBody(String itemId, byte[] body) {
        JsonNode root = JsonBodies.object(JSON, body, MAX_BODY_BYTES, "a JSON object of item fields");
        return new ItemBody(item(itemId, root), availability(itemId, root.get("availability")));
    }

    /** The item of a {@code PUT /v1/items/{itemId}} body, see {@link #itemBody}. */
    public static CatalogItem item(String itemId, byte[] body) {
        return itemBody(itemId, body).item();
    }

    private static CatalogItem item(String itemId, JsonNode root) {
        Map<String, String> fields = scalars(root, ITEM, "availability");
        fields.remove("availability");
        require(fields, "title", "category", "brand", "price");
        fields.putIfAbsent("consumable", "false");
        fields.put("itemId", itemId);
        return map(new CatalogCsv()::map, ITEM, fields);
    }

    public static ObjectNode toJson(Customer customer) {
        ObjectNode node = JSON.createObjectNode().put("userId", customer.userId()).put("age", customer.age())
                .put("gender", customer.gender()).put("region", customer.region());
        if (!customer.homeStoreId().isEmpty()) {
            node.put("homeStoreId", customer.homeStoreId());
        }
        if (!customer.postalCode().isEmpty()) {
            node.put("postalCode", customer.postalCode());
        }
        return node.put("personalizationConsent", customer.personalization());
    }

    private static List<StockLevel> availability(String itemId, JsonNode availability) {
        if (availability == null || availability.isNull()) {
            return List.of();
        }
        if (!availability.isObject() || availability.size() > MAX_AVAILABILITY) {
            throw new InvalidInputException("invalid_availability", "availability must be an object of at most "
                    + MAX_AVAILABILITY + " store ids (online for the web shop and app) to true or false");
        }
        List<StockLevel> levels = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = availability.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> store = it.next();
            if (!io.omnirec.core.domain.Identifiers.isValid(store.getKey()) || !store.getValue().isBoolean()) {
                throw new InvalidInputException("invalid_availability", "availability maps store ids to true or false;"
                        + " not " + quoted(store.getKey()));
            }
            levels.add(new StockLevel(store.getKey(), itemId, store.getValue().booleanValue()));
        }
        return levels;
    }

    public static ObjectNode toJson(CatalogItem item) {
        ObjectNode node = JSON.createObjectNode().put("itemId", item.itemId()).put("title", item.title())
                .put("category", item.category()).put("brand", item.brand()).put("price", item.price())
                .put("consumable", item.consumable()).put("active", item.active());
        if (item.repurchaseDays() > 0) {
            node.put("repurchaseDays", item.repurchaseDays());
        }
        ItemDetails details = item.details();
        if (!details.description().isEmpty()) {
            node.put("description", details.description());
        }
        if (details.launchDate() != null) {
            node.put("launchDate", details.launchDate().toString());
        }
        if (!details.attributes().isEmpty()) {
            ObjectNode attributes = node.putObject("attributes");
            details.attributes().forEach(attributes::put);
        }
        return node;
    }

    /** The body's fields as text; anything but a known field with a scalar value is an error naming it. */
    private static Map<String, String> scalars(JsonNode root, Map<String, String> known, String... extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            boolean isExtra = List.of(extra).contains(name);
            if ((!known.containsKey(name) && !isExtra) || name.equals("userId") || name.equals("itemId")) {
                throw new InvalidInputException("unknown_field", "unknown field " + quoted(name)
                        + "; the id is the path's");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (JSON_FIELDS.contains(name) && value.isContainerNode()) {
                fields.put(name, value.toString());
                continue;
            }
            if (!value.isValueNode()) {
                throw new InvalidInputException("invalid_" + name, name + " must be a string, number or boolean");
            }
            fields.put(name, value.asText());
        }
        return fields;
    }

    private static void require(Map<String, String> fields, String... names) {
        for (String name : names) {
            if (!fields.containsKey(name)) {
                throw new InvalidInputException("missing_" + name, name + " is required");
            }
        }
    }

    /** Runs the import's row mapper on the fields in column order, renaming its error codes to the JSON fields. */
    private static <T> T map(java.util.function.Function<List<String>, T> mapper, Map<String, String> columns,
                             Map<String, String> fields) {
        List<String> row = new ArrayList<>();
        columns.keySet().forEach(name -> row.add(fields.getOrDefault(name, "")));
        try {
            return mapper.apply(row);
        } catch (InvalidInputException e) {
            for (Map.Entry<String, String> column : columns.entrySet()) {
                if (e.code().equals("invalid_" + column.getValue())) {
                    throw new InvalidInputException("invalid_" + column.getKey(),
                            e.getMessage().replace(column.getValue(), column.getKey()));
                }
            }
            throw e;
        }
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }

    private static String quoted(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
