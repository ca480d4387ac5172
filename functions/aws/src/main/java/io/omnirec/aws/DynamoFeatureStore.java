package io.omnirec.aws;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ShopperContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The feature single table. Items (pk / sk):
 * {@code ITEM#id / META} catalog item; {@code USER#id / PROFILE} customer; {@code USER#id / STATE} last purchase
 * time per item ({@code p:<itemId>}; states written before it keep a {@code purchased} string set, still read), cart
 * entries ({@code k:<itemId>}, the time the item went in), interaction weight per item ({@code i:<itemId>}), affinity
 * weights ({@code a:<key>}) and price sums. Every write is a single-item put or one update per event (additive, plus
 * setting or removing the event's own purchase time and cart entry); {@code STORE#id / STOCK} the items not in stock
 * at a store ({@code outOfStock} string set; {@code STORE#online} for the web shop and app; about 20,000 ids fit
 * DynamoDB's 400 KB). The recommend path reads one shopper with one BatchGetItem of two keys, three with the stock of
 * the store it is served from.
 */
public final class DynamoFeatureStore implements FeatureStore {
    static final String META = "META";
    static final String PROFILE = "PROFILE";
    static final String STATE = "STATE";
    static final String STOCK = "STOCK";
    static final String AFFINITY_PREFIX = "a:";
    static final String ITEM_PREFIX = "i:";
    static final String PURCHASE_PREFIX = "p:";
    static final String CART_PREFIX = "k:";
    private static final int MAX_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFeatureStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", Attributes.s(pk), "sk", Attributes.s(sk));
    }

    static String itemPk(String itemId) {
        return "ITEM#" + itemId;
    }

    static String storePk(String storeId) {
        return "STORE#" + storeId;
    }

    static String userPk(String userId) {
        return "USER#" + userId;
    }

    @Override
    public void upsertItems(List<CatalogItem> items) {
        writeAll(items.stream().map(DynamoFeatureStore::itemToAttributes).toList());
    }

    @Override
    public void upsertCustomers(List<Customer> customers) {
        writeAll(customers.stream().map(c -> {
            Map<String, AttributeValue> item = new HashMap<>(key(userPk(c.userId()), PROFILE));
            item.put("userId", Attributes.s(c.userId()));
            item.put("age", Attributes.n(c.age()));
            item.put("gender", Attributes.s(c.gender()));
            item.put("region", Attributes.s(c.region()));
            item.put("homeStoreId", Attributes.s(c.homeStoreId()));
            return item;
        }).toList());
    }

    @Override
    public Map<String, CatalogItem> items(Collection<String> itemIds) {
        List<Map<String, AttributeValue>> keys = new HashSet<>(itemIds).stream().map(id -> key(itemPk(id), META)).toList();
        Map<String, CatalogItem> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            batchGet(keys.subList(from, Math.min(keys.size(), from + 100)))
                    .forEach(item -> found.put(Attributes.str(item, "itemId"), itemFromAttributes(item)));
        }
        return found;
    }

    @Override
    public void forEachItem(Consumer<CatalogItem> visitor) {
        scanKind(META).forEach(item -> visitor.accept(itemFromAttributes(item)));
    }

    @Override
    public void forEachCustomer(Consumer<Customer> visitor) {
        scanKind(PROFILE).forEach(item -> visitor.accept(customerFromAttributes(Attributes.str(item, "userId"), item)));
    }

    @Override
    public void apply(InteractionUpdate update) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        List<String> sets = new ArrayList<>(List.of("#uid = :uid"));
        List<String> removes = new ArrayList<>();
        if (update.purchasedItemId() != null) {
            names.put("#bought", PURCHASE_PREFIX + update.purchasedItemId());
            values.put(":at", Attributes.n(update.at()));
            sets.add("#bought = :at");
        }
        if (update.cart() != InteractionUpdate.CartChange.NONE) {
            names.put("#cart", CART_PREFIX + update.itemId());
            if (update.cart() == InteractionUpdate.CartChange.ADD) {
                values.put(":at", Attributes.n(update.at()));
                sets.add("#cart = :at");
            } else {
                removes.add("#cart");
            }
        }
        if (update.itemWeight() > 0) {
            names.put("#item", ITEM_PREFIX + update.itemId());
            values.put(":item", Attributes.n(update.itemWeight()));
            adds.add("#item :item");
        }
        int i = 0;
        for (Map.Entry<String, Double> affinity : update.affinities().entrySet()) {
            names.put("#a" + i, AFFINITY_PREFIX + affinity.getKey());
            values.put(":a" + i, Attributes.n(affinity.getValue()));
            adds.add("#a" + i + " :a" + i);
            i++;
        }
        if (update.affinityTotal() != 0) {
            names.put("#total", "affinityTotal");
            values.put(":total", Attributes.n(update.affinityTotal()));
            adds.add("#total :total");
        }
        if (update.priceCount() != 0) {
            names.put("#pls", "priceLogSum");
            names.put("#pc", "priceCount");
            values.put(":pls", AttributeValue.fromN(Double.toString(update.priceLog())));
            values.put(":pc", Attributes.n(update.priceCount()));
            adds.add("#pls :pls");
            adds.add("#pc :pc");
        }
        names.put("#uid", "userId");
        values.put(":uid", Attributes.s(update.userId()));
        String expression = "SET " + String.join(", ", sets) + (adds.isEmpty() ? "" : " ADD " + String.join(", ", adds))
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        dynamo.updateItem(b -> b.tableName(table).key(key(userPk(update.userId()), STATE))
                .updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void applyStock(List<StockLevel> levels) {
        // the last level of each store and item in the batch holds; one update per store and direction
        Map<String, Map<String, Boolean>> byStore = new java.util.TreeMap<>();
        levels.forEach(level -> byStore.computeIfAbsent(level.storeId(), s -> new java.util.LinkedHashMap<>())
                .put(level.itemId(), level.inStock()));
        byStore.forEach((storeId, items) -> {
            List<String> out = items.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            List<String> in = items.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
            for (boolean adding : new boolean[] {true, false}) {
                List<String> ids = adding ? out : in;
                if (!ids.isEmpty()) {
                    dynamo.updateItem(b -> b.tableName(table).key(key(storePk(storeId), STOCK))
                            .updateExpression((adding ? "ADD" : "DELETE") + " #out :ids")
                            .expressionAttributeNames(Map.of("#out", "outOfStock"))
                            .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(ids))));
                }
            }
        });
    }

    @Override
    public ShopperContext loadShopperContext(String userId, String storeId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(key(userPk(userId), STATE),
                key(userPk(userId), PROFILE)));
        if (storeId != null) {
            keys.add(key(storePk(storeId), STOCK));
        }
        List<Map<String, AttributeValue>> found = batchGet(keys);
        UserState state = UserState.empty(userId);
        Optional<Customer> profile = Optional.empty();
        Set<String> unavailable = Set.of();
        for (Map<String, AttributeValue> item : found) {
            String sk = Attributes.str(item, "sk");
            if (STATE.equals(sk)) {
                state = stateFromAttributes(userId, item);
            } else if (STOCK.equals(sk)) {
                unavailable = item.containsKey("outOfStock") ? new HashSet<>(item.get("outOfStock").ss()) : Set.of();
            } else {
                profile = Optional.of(customerFromAttributes(userId, item));
            }
        }
        return new ShopperContext(state, profile, unavailable);
    }

    private static Customer customerFromAttributes(String userId, Map<String, AttributeValue> item) {
        return new Customer(userId, (int) Attributes.num(item, "age"), Attributes.str(item, "gender"),
                Attributes.str(item, "region"), Attributes.str(item, "homeStoreId"));
    }

    private static UserState stateFromAttributes(String userId, Map<String, AttributeValue> item) {
        Map<String, Double> affinities = new HashMap<>();
        Map<String, Double> items = new HashMap<>();
        Map<String, Long> purchases = new HashMap<>();
        Map<String, Long> cart = new HashMap<>();
        if (item.containsKey("purchased")) {
            item.get("purchased").ss().forEach(bought -> purchases.put(bought, 0L));
        }
        item.forEach((name, value) -> {
            if (name.startsWith(AFFINITY_PREFIX)) {
                affinities.put(name.substring(AFFINITY_PREFIX.length()), Double.parseDouble(value.n()));
            } else if (name.startsWith(ITEM_PREFIX)) {
                items.put(name.substring(ITEM_PREFIX.length()), Double.parseDouble(value.n()));
            } else if (name.startsWith(PURCHASE_PREFIX)) {
                purchases.put(name.substring(PURCHASE_PREFIX.length()), Long.parseLong(value.n()));
            } else if (name.startsWith(CART_PREFIX)) {
                cart.put(name.substring(CART_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        return new UserState(userId, purchases, cart, items, affinities, Attributes.num(item, "affinityTotal"),
                Attributes.num(item, "priceLogSum"), (long) Attributes.num(item, "priceCount"));
    }

    private static Map<String, AttributeValue> itemToAttributes(CatalogItem i) {
        Map<String, AttributeValue> item = new HashMap<>(key(itemPk(i.itemId()), META));
        item.put("itemId", Attributes.s(i.itemId()));
        item.put("title", Attributes.s(i.title()));
        item.put("category", Attributes.s(i.category()));
        item.put("brand", Attributes.s(i.brand()));
        item.put("price", AttributeValue.fromN(Double.toString(i.price())));
        item.put("consumable", AttributeValue.fromBool(i.consumable()));
        if (i.repurchaseDays() > 0) {
            item.put("repurchaseDays", Attributes.n(i.repurchaseDays()));
        }
        return item;
    }

    private static CatalogItem itemFromAttributes(Map<String, AttributeValue> item) {
        return new CatalogItem(Attributes.str(item, "itemId"), Attributes.str(item, "title"),
                Attributes.str(item, "category"), Attributes.str(item, "brand"), Attributes.num(item, "price"),
                Boolean.TRUE.equals(item.get("consumable").bool()),
                item.containsKey("repurchaseDays") ? (int) Attributes.num(item, "repurchaseDays") : 0);
    }

    private Iterable<Map<String, AttributeValue>> scanKind(String sk) {
        return dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true).filterExpression("sk = :sk")
                .expressionAttributeValues(Map.of(":sk", Attributes.s(sk)))).items();
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
            backOff(attempt, !request.isEmpty());
        }
        return found;
    }

    private void writeAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> request = Map.of(table, writes);
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> pending = request;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(pending));
                request = response.unprocessedItems();
                backOff(attempt, !request.isEmpty());
            }
        }
    }

    private static void backOff(int attempt, boolean retrying) {
        if (!retrying) {
            return;
        }
        if (attempt >= MAX_RETRIES) {
            throw new IllegalStateException("DynamoDB left items unprocessed after " + MAX_RETRIES + " retries");
        }
        try {
            Thread.sleep(Math.min(1000, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a DynamoDB batch", e);
        }
    }
}
