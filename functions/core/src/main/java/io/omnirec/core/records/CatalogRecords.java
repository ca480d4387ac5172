package io.omnirec.core.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.JsonBodies;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.store.FeatureStore;

import java.util.List;
import java.util.Set;

/**
 * Catalog items kept one at a time ({@code PUT/GET/DELETE /v1/items/{itemId}}) and a store's stock of one item
 * ({@code PUT /v1/stores/{storeId}/stock/{itemId}}); the bulk paths are the catalog and inventory imports.
 */
public final class CatalogRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeatureStore features;

    public CatalogRecords(FeatureStore features) {
        this.features = features;
    }

    /** Creates or replaces the item, and records its availability where the body gives it. */
    public CatalogItem put(String itemId, byte[] body) {
        RecordJson.ItemBody put = RecordJson.itemBody(itemId, body);
        features.upsertItems(List.of(put.item()));
        if (!put.availability().isEmpty()) {
            features.applyStock(put.availability());
        }
        return put.item();
    }

    /** The item; {@code unknown_item} when the catalog has none. */
    public CatalogItem get(String itemId) {
        Identifiers.requireValid("itemId", itemId);
        CatalogItem item = features.items(Set.of(itemId)).get(itemId);
        if (item == null) {
            throw new InvalidInputException("unknown_item", "no catalog item " + itemId);
        }
        return item;
    }

    /** Removes the item; idempotent. Recommendations drop it at the next aggregates build. */
    public void delete(String itemId) {
        Identifiers.requireValid("itemId", itemId);
        features.deleteItem(itemId);
    }

    /** Records whether a store ({@link StockLevel#ONLINE} for web and app) has the item: {@code {"inStock": true}}. */
    public StockLevel setStock(String storeId, String itemId, byte[] body) {
        Identifiers.requireValid("storeId", storeId);
        Identifiers.requireValid("itemId", itemId);
        JsonNode root = JsonBodies.object(JSON, body, RecordJson.MAX_BODY_BYTES, "{\"inStock\": true|false}");
        JsonNode inStock = root.get("inStock");
        if (inStock == null || !inStock.isBoolean() || root.size() != 1) {
            throw new InvalidInputException("invalid_inStock", "the body must be {\"inStock\": true|false}");
        }
        StockLevel level = new StockLevel(storeId, itemId, inStock.booleanValue());
        features.applyStock(List.of(level));
        return level;
    }

    /** Names a store, as shoppers know it: {@code {"name": "Riverside"}}. */
    public io.omnirec.core.domain.Store nameStore(String storeId, byte[] body) {
        Identifiers.requireValid("storeId", storeId);
        JsonNode root = JsonBodies.object(JSON, body, RecordJson.MAX_BODY_BYTES, "{\"name\": \"...\"}");
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || root.size() != 1) {
            throw new InvalidInputException("invalid_name", "the body must be {\"name\": \"<store name>\"}");
        }
        io.omnirec.core.domain.Store store = new io.omnirec.core.domain.Store(storeId, name.asText());
        features.nameStores(List.of(store));
        return store;
    }
}
