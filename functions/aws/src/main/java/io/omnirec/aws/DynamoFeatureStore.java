package io.omnirec.aws;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ItemDetails;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.features.Interaction;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.StateBounds;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.EventApplication;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ShopperContext;
import io.omnirec.core.store.StateRevision;
import io.omnirec.core.store.StoreStock;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The feature single table. Items (pk / sk):
 * {@code ITEM#id / META} catalog item; {@code USER#id / PROFILE} customer; {@code USER#id / STATE} last purchase
 * time per item ({@code p:<itemId>}; states written before it keep a {@code purchased} string set, still read), cart
 * entries ({@code k:<itemId>}, the time the item went in), interaction weight per item ({@code i:<itemId>}), affinity
 * weights ({@code a:<key>}), price sums, the markers of the latest events applied ({@code e:<eventId>}, epoch
 * milliseconds, with {@code markerCount} and {@code markerFloor}: {@link EventApplication}) and the recent
 * interactions ({@code recent}, a list of maps trimmed to {@link UserState#RECENT_LIMIT} by a conditional write every
 * {@value #RECENT_SLACK} events); the per-item maps are kept within {@link StateBounds} by a check every
 * {@value #BOUND_CHECK_INTERVAL} events ({@code eventCount}). An anonymous session's state lives under the session's
 * key ({@code USER#~session:<id> / STATE}), with {@code mergedInto} once an identify event merged it into a shopper,
 * whose state lists it in {@code sessions} (for erasure; at most {@link FeatureStore#SESSION_BYTES_LIMIT} bytes, counted
 * in {@code sessionBytes}). Every write is a single-item put or one update per event (additive, plus setting or
 * removing the event's own purchase time and cart entry, and appending to the recent list).
 * {@code STORE#id / STOCK#<0-7>} hold the items not in stock at a store ({@code outOfStock} string sets, split by item
 * id hash so that a store holds eight times the 400 KB of one item, about 160,000 typical ids; {@code STORE#online} for
 * the web shop and app) and {@code STORE#id / STOCK} its name. The recommend path reads one shopper with one
 * BatchGetItem of two keys, eleven when it reads the stock of the store it is served from too. Catalog items and
 * profiles carry {@code kind} ({@code item#<shard>} or {@code profile#<shard>}), the key of the sparse index
 * {@value #KIND_INDEX} through which the batch jobs list them without reading a single shopper state.
 */
public final class DynamoFeatureStore implements FeatureStore {
    private static final Logger LOG = Logger.getLogger(DynamoFeatureStore.class.getName());
    public static final String KIND_INDEX = "records-by-kind";
    public static final String KIND = "kind";
    static final int KIND_SHARDS = 8;
    static final String META = "META";
    static final String PROFILE = "PROFILE";
    static final String STATE = "STATE";
    static final String STOCK = "STOCK";
    static final String OUT_OF_STOCK = "outOfStock";
    /** The parts a store's stock is split into, each one item of at most 400 KB. */
    static final int STOCK_PARTS = 8;
    static final String AFFINITY_PREFIX = "a:";
    static final String ITEM_PREFIX = "i:";
    static final String PURCHASE_PREFIX = "p:";
    static final String CART_PREFIX = "k:";
    static final String RECENT = "recent";
    static final String MERGED_INTO = "mergedInto";
    static final String SESSIONS = "sessions";
    /** The bytes of the session ids in {@code sessions}, held within {@link FeatureStore#SESSION_BYTES_LIMIT}. */
    static final String SESSION_BYTES = "sessionBytes";
    static final String MARKER_PREFIX = "e:";
    static final String MARKER_COUNT = "markerCount";
    static final String MARKER_FLOOR = "markerFloor";
    /** Added to by every write to a state, so that a rebuild writes only over the state it read. */
    static final String STATE_VERSION = "stateVersion";
    private static final AttributeValue ONE = Attributes.n(1);
    /** How far past {@link UserState#RECENT_LIMIT} the recent list may grow before a write trims it. */
    static final int RECENT_SLACK = 10;
    /** Actions per update expression when merging a session, well within DynamoDB's 4 KB expression limit. */
    static final int MAX_ACTIONS = 60;
    /** Entries one trim removes at most, within DynamoDB's 4 KB expression limit; a later trim removes the rest. */
    static final int MAX_REMOVALS = 100;
    /** Events applied to a state since it was last written whole (a rebuild); counts the checks of its bounds. */
    static final String EVENT_COUNT = "eventCount";
    /** Every this many events applied to a state, the state is read and trimmed to its bounds. */
    static final int BOUND_CHECK_INTERVAL = 16;

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
            item.put(KIND, Attributes.s(kind(PROFILE, c.userId())));
            item.put("userId", Attributes.s(c.userId()));
            item.put("age", Attributes.n(c.age()));
            item.put("gender", Attributes.s(c.gender()));
            item.put("region", Attributes.s(c.region()));
            item.put("homeStoreId", Attributes.s(c.homeStoreId()));
            if (!c.postalCode().isEmpty()) {
                item.put("postalCode", Attributes.s(c.postalCode()));
            }
            if (!c.personalization()) {
                item.put("personalization", AttributeValue.fromBool(false));
            }
            return item;
        }).toList());
    }

    @Override
    public Map<String, CatalogItem> items(Collection<String> itemIds) {
        List<Map<String, AttributeValue>> keys = new HashSet<>(itemIds).stream().map(id -> key(itemPk(id), META)).toList();
        Map<String, CatalogItem> found = new HashMap<>();
        batchGet(keys).forEach(item -> found.put(Attributes.str(item, "itemId"), itemFromAttributes(item)));
        return found;
    }

    @Override
    public void deleteItem(String itemId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(itemPk(itemId), META)));
    }

    @Override
    public Optional<Customer> customer(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(userPk(userId), PROFILE))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(customerFromAttributes(userId, item));
    }

    @Override
    public Set<String> mergedSessions(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(userPk(userId), STATE))
                .consistentRead(true).projectionExpression("#s").expressionAttributeNames(Map.of("#s", SESSIONS)))
                .item();
        return item == null || !item.containsKey(SESSIONS) ? Set.of() : Set.copyOf(item.get(SESSIONS).ss());
    }

    @Override
    public boolean erase(String shopperKey) {
        boolean found = false;
        for (String sk : List.of(PROFILE, STATE)) {
            Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table).key(key(userPk(shopperKey), sk))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            found |= old != null && !old.isEmpty();
        }
        return found;
    }

    @Override
    public void forEachItem(Consumer<CatalogItem> visitor) {
        ofKind(META).forEach(item -> visitor.accept(itemFromAttributes(item)));
    }

    @Override
    public void forEachCustomer(Consumer<Customer> visitor) {
        ofKind(PROFILE).forEach(item -> visitor.accept(customerFromAttributes(Attributes.str(item, "userId"), item)));
    }

    @Override
    public void apply(InteractionUpdate update) {
        write(update, deltas(update), null);
    }

    @Override
    public EventApplication.Outcome applyOnce(EventApplication application) {
        UpdateExpression expression = deltas(application.update());
        String marker = MARKER_PREFIX + application.eventId();
        expression.set(marker, Attributes.n(application.appliedAt().toEpochMilli()))
                .add(MARKER_COUNT, Attributes.n(1));
        String condition = "attribute_not_exists(" + expression.name(marker) + ")";
        if (application.unmarkedSince() != null) {
            String floor = expression.name(MARKER_FLOOR);
            condition += " AND (attribute_not_exists(" + floor + ") OR " + floor + " < "
                    + expression.value(Attributes.n(application.unmarkedSince().toEpochMilli())) + ")";
        }
        String userId = application.update().userId();
        try {
            write(application.update(), expression, condition);
            return EventApplication.Outcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> state = dynamo.getItem(b -> b.tableName(table).key(key(userPk(userId), STATE))
                    .consistentRead(true).projectionExpression("#m").expressionAttributeNames(Map.of("#m", marker)))
                    .item();
            return state != null && state.containsKey(marker) ? EventApplication.Outcome.ALREADY_APPLIED
                    : EventApplication.Outcome.UNDECIDABLE;
        }
    }

    /** The additive write of one event's deltas (without its marker). */
    private static UpdateExpression deltas(InteractionUpdate update) {
        UpdateExpression expression = new UpdateExpression().set("userId", Attributes.s(update.userId()))
                .add(STATE_VERSION, ONE).add(EVENT_COUNT, ONE);
        if (update.purchasedItemId() != null) {
            expression.set(PURCHASE_PREFIX + update.purchasedItemId(), Attributes.n(update.at()));
        }
        if (update.returnedItemId() != null) {
            expression.remove(PURCHASE_PREFIX + update.returnedItemId());
        }
        if (update.cart() == InteractionUpdate.CartChange.ADD) {
            expression.set(CART_PREFIX + update.itemId(), Attributes.n(update.at()));
        } else if (update.cart() == InteractionUpdate.CartChange.REMOVE) {
            expression.remove(CART_PREFIX + update.itemId());
        }
        if (update.itemWeight() > 0) {
            expression.add(ITEM_PREFIX + update.itemId(), Attributes.n(update.itemWeight()));
        }
        update.affinities().forEach((key, weight) -> expression.add(AFFINITY_PREFIX + key, Attributes.n(weight)));
        if (update.affinityTotal() != 0) {
            expression.add("affinityTotal", Attributes.n(update.affinityTotal()));
        }
        if (update.priceCount() != 0) {
            expression.add("priceLogSum", AttributeValue.fromN(Double.toString(update.priceLog())));
            expression.add("priceCount", Attributes.n(update.priceCount()));
        }
        expression.append(RECENT, List.of(interactionToAttribute(update.interaction())));
        return expression;
    }

    /**
     * Writes the deltas (under {@code condition} unless null), then trims what grew past its bound. A trim that fails
     * does not fail the event, which is applied: a later event's write trims.
     */
    private void write(InteractionUpdate update, UpdateExpression expression, String condition) {
        boolean purchase = update.purchasedItemId() != null;
        UpdateItemRequest.Builder request = expression.applyTo(UpdateItemRequest.builder()
                .tableName(table).key(key(userPk(update.userId()), STATE))
                .returnValues(purchase ? ReturnValue.ALL_NEW : ReturnValue.UPDATED_NEW));
        if (condition != null) {
            request.conditionExpression(condition);
        }
        Map<String, AttributeValue> updated = dynamo.updateItem(request.build()).attributes();
        try {
            trimRecent(update.userId(), updated.get(RECENT));
            if (purchase) {
                trimPurchases(update.userId(), updated);
            }
            tidy(update.userId(), updated);
        } catch (SdkException e) {
            // the event is applied; what grew past its bound is trimmed by a later event's write
            LOG.log(Level.WARNING, "cannot trim a shopper's state after applying an event", e);
        }
    }

    /**
     * Reads the whole state (one strongly consistent {@code GetItem}) when its markers are {@link #MARKER_SLACK} past
     * {@link #MARKER_LIMIT}, or every {@value #BOUND_CHECK_INTERVAL} events (by {@code eventCount}), and trims what
     * the read shows past its bound: the markers, and the item weights, affinities and cart entries
     * ({@link StateBounds}). Between two checks a state grows by at most what {@value #BOUND_CHECK_INTERVAL} events add.
     */
    private void tidy(String userId, Map<String, AttributeValue> updated) {
        AttributeValue count = updated.get(MARKER_COUNT);
        boolean markersDue = count != null && count.n() != null
                && Double.parseDouble(count.n()) > MARKER_LIMIT + MARKER_SLACK;
        AttributeValue events = updated.get(EVENT_COUNT);
        boolean boundsDue = events != null && events.n() != null
                && Long.parseLong(events.n()) % BOUND_CHECK_INTERVAL == 0;
        if (!markersDue && !boundsDue) {
            return;
        }
        Map<String, AttributeValue> state = dynamo.getItem(b -> b.tableName(table).key(key(userPk(userId), STATE))
                .consistentRead(true)).item();
        if (state == null || state.isEmpty()) {
            return;
        }
        if (markersDue) {
            trimMarkers(userId, state);
        }
        if (boundsDue) {
            List<String> dropped = new ArrayList<>();
            dropped.addAll(droppedNames(state, ITEM_PREFIX, m -> StateBounds.heaviest(doubles(m), StateBounds.ITEMS)));
            dropped.addAll(droppedNames(state, AFFINITY_PREFIX,
                    m -> StateBounds.heaviest(doubles(m), StateBounds.AFFINITIES)));
            dropped.addAll(droppedNames(state, CART_PREFIX, m -> StateBounds.latest(longs(m), StateBounds.CART)));
            removeAsRead(userId, state, dropped);
        }
    }

    /**
     * The names of the attributes under {@code prefix} that {@code bound} (given the entries keyed without the prefix)
     * does not keep.
     */
    private static List<String> droppedNames(Map<String, AttributeValue> state, String prefix,
                                             Function<Map<String, AttributeValue>, Map<String, ?>> bound) {
        Map<String, AttributeValue> entries = new HashMap<>();
        state.forEach((name, value) -> {
            if (name.startsWith(prefix) && value.n() != null) {
                entries.put(name.substring(prefix.length()), value);
            }
        });
        Map<String, ?> kept = bound.apply(entries);
        if (kept.size() == entries.size()) {
            return List.of();
        }
        return entries.keySet().stream().filter(k -> !kept.containsKey(k)).map(k -> prefix + k).toList();
    }

    private static Map<String, Double> doubles(Map<String, AttributeValue> entries) {
        Map<String, Double> values = new HashMap<>();
        entries.forEach((k, v) -> values.put(k, Double.parseDouble(v.n())));
        return values;
    }

    private static Map<String, Long> longs(Map<String, AttributeValue> entries) {
        Map<String, Long> values = new HashMap<>();
        entries.forEach((k, v) -> values.put(k, (long) Double.parseDouble(v.n())));
        return values;
    }

    /**
     * Removes at most {@value #MAX_REMOVALS} of the {@code names} (the rest at the next trim) with one write conditioned
     * on each as read, so a weight added or an entry set meanwhile is never lost: the write then fails, and the next
     * trim reads again.
     */
    private void removeAsRead(String userId, Map<String, AttributeValue> state, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        UpdateExpression trim = new UpdateExpression().add(STATE_VERSION, ONE);
        List<String> conditions = new ArrayList<>();
        names.stream().sorted().limit(MAX_REMOVALS).forEach(name -> {
            conditions.add(trim.name(name) + " = " + trim.value(state.get(name)));
            trim.remove(name);
        });
        try {
            dynamo.updateItem(trim.applyTo(UpdateItemRequest.builder().tableName(table)
                    .key(key(userPk(userId), STATE)).conditionExpression(String.join(" AND ", conditions))).build());
        } catch (ConditionalCheckFailedException e) {
            // one of them changed meanwhile; the next trim reads again
        }
    }

    /**
     * Drops the oldest event markers once a shopper has {@link #MARKER_SLACK} more than {@link #MARKER_LIMIT}: one read
     * and one write every {@value #MARKER_SLACK} events. The write is conditioned on each dropped marker as read, and
     * raises the floor ({@code markerFloor}, the newest time dropped) that repairs compare with
     * ({@link EventApplication#unmarkedSince()}), so no marker goes without the floor covering it.
     */
    private void trimMarkers(String userId, Map<String, AttributeValue> state) {
        List<Map.Entry<String, Long>> markers = new ArrayList<>();
        state.forEach((name, value) -> {
            if (name.startsWith(MARKER_PREFIX)) {
                markers.add(Map.entry(name, Long.parseLong(value.n())));
            }
        });
        if (markers.size() <= MARKER_LIMIT) {
            return;
        }
        markers.sort(Map.Entry.comparingByValue());
        List<Map.Entry<String, Long>> dropped = markers.subList(0, markers.size() - MARKER_LIMIT);
        long floor = dropped.get(dropped.size() - 1).getValue();
        UpdateExpression trim = new UpdateExpression().set(MARKER_FLOOR, Attributes.n(floor))
                .add(MARKER_COUNT, Attributes.n(-dropped.size())).add(STATE_VERSION, ONE);
        List<String> conditions = new ArrayList<>();
        String floorName = trim.name(MARKER_FLOOR);
        conditions.add("(attribute_not_exists(" + floorName + ") OR " + floorName + " <= " + trim.value(Attributes.n(floor))
                + ")");
        dropped.forEach(marker -> {
            conditions.add(trim.name(marker.getKey()) + " = " + trim.value(Attributes.n(marker.getValue())));
            trim.remove(marker.getKey());
        });
        try {
            dynamo.updateItem(trim.applyTo(UpdateItemRequest.builder().tableName(table)
                    .key(key(userPk(userId), STATE)).conditionExpression(String.join(" AND ", conditions))).build());
        } catch (ConditionalCheckFailedException e) {
            // another write trimmed meanwhile; the next event past the slack trims again
        }
    }

    /**
     * Drops the oldest purchases once a shopper's are past their bound ({@link StateBounds#PURCHASES}; the
     * {@code ALL_NEW} answer of every purchase shows them): one extra write every 50 new items bought (fewer with long
     * item ids), each removal conditioned on the purchase time just read, so a purchase made meanwhile is never dropped.
     */
    private void trimPurchases(String userId, Map<String, AttributeValue> state) {
        removeAsRead(userId, state,
                droppedNames(state, PURCHASE_PREFIX, m -> StateBounds.latest(longs(m), StateBounds.PURCHASES)));
    }

    /**
     * Drops the oldest entries of a shopper's recent interactions once the list is {@value #RECENT_SLACK} past
     * {@link UserState#RECENT_LIMIT}: one extra write every few events that sets the list to its latest entries,
     * conditioned on the length just read, so a concurrent append is never lost (that append's own trim takes over).
     */
    private void trimRecent(String userId, AttributeValue recent) {
        List<AttributeValue> entries = recent == null || !recent.hasL() ? List.of() : recent.l();
        if (entries.size() <= UserState.RECENT_LIMIT + RECENT_SLACK) {
            return;
        }
        UpdateExpression trim = new UpdateExpression().set(RECENT,
                AttributeValue.fromL(entries.subList(entries.size() - UserState.RECENT_LIMIT, entries.size())))
                .add(STATE_VERSION, ONE);
        String condition = "size(" + trim.name(RECENT) + ") = " + trim.value(Attributes.n(entries.size()));
        try {
            dynamo.updateItem(trim.applyTo(UpdateItemRequest.builder().tableName(table)
                    .key(key(userPk(userId), STATE)).conditionExpression(condition)).build());
        } catch (ConditionalCheckFailedException e) {
            // another event appended meanwhile; its own trim drops the oldest entries
        }
    }

    @Override
    public StateRevision readRevision(String shopperKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(userPk(shopperKey), STATE))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new StateRevision(shopperKey, StateRevision.ABSENT, Map.of(), null, Set.of(), null);
        }
        Map<String, Instant> markers = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(MARKER_PREFIX)) {
                markers.put(name.substring(MARKER_PREFIX.length()), Instant.ofEpochMilli(Long.parseLong(value.n())));
            }
        });
        return new StateRevision(shopperKey, (long) Attributes.num(item, STATE_VERSION), markers,
                item.containsKey(MARKER_FLOOR) ? Instant.ofEpochMilli((long) Attributes.num(item, MARKER_FLOOR)) : null,
                item.containsKey(SESSIONS) ? Set.copyOf(item.get(SESSIONS).ss()) : Set.of(),
                Attributes.str(item, MERGED_INTO));
    }

    /**
     * One {@code PutItem} of the whole state, conditioned on {@code stateVersion} as read (a state written before
     * versions existed reads as 0 and must still have none).
     */
    @Override
    public boolean replaceState(StateRevision read, UserState state, Map<String, Instant> newMarkers) {
        Map<String, AttributeValue> item = stateToAttributes(read.shopperKey(), state);
        Map<String, Instant> markers = new HashMap<>(read.markers());
        markers.putAll(newMarkers);
        markers.forEach((eventId, at) -> item.put(MARKER_PREFIX + eventId, Attributes.n(at.toEpochMilli())));
        if (!markers.isEmpty()) {
            item.put(MARKER_COUNT, Attributes.n(markers.size()));
        }
        if (read.markerFloor() != null) {
            item.put(MARKER_FLOOR, Attributes.n(read.markerFloor().toEpochMilli()));
        }
        if (!read.sessions().isEmpty()) {
            item.put(SESSIONS, AttributeValue.fromSs(List.copyOf(read.sessions())));
            item.put(SESSION_BYTES, Attributes.n(read.sessions().stream().mapToInt(FeatureStore::sessionBytes).sum()));
        }
        if (read.mergedInto() != null) {
            item.put(MERGED_INTO, Attributes.s(read.mergedInto()));
        }
        item.put(STATE_VERSION, Attributes.n(Math.max(0, read.version()) + 1));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (read.version() == StateRevision.ABSENT) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else if (read.version() == 0) {
            put.conditionExpression("attribute_exists(pk) AND attribute_not_exists(" + STATE_VERSION + ")");
        } else {
            put.conditionExpression(STATE_VERSION + " = :v")
                    .expressionAttributeValues(Map.of(":v", Attributes.n(read.version())));
        }
        try {
            dynamo.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A state as the attributes {@link #stateFromAttributes} reads, with its key. */
    private static Map<String, AttributeValue> stateToAttributes(String shopperKey, UserState state) {
        Map<String, AttributeValue> item = new HashMap<>(key(userPk(shopperKey), STATE));
        item.put("userId", Attributes.s(shopperKey));
        state.purchases().forEach((i, at) -> item.put(PURCHASE_PREFIX + i, Attributes.n(at)));
        state.cart().forEach((i, at) -> item.put(CART_PREFIX + i, Attributes.n(at)));
        state.items().forEach((i, w) -> item.put(ITEM_PREFIX + i, Attributes.n(w)));
        state.affinities().forEach((k, w) -> item.put(AFFINITY_PREFIX + k, Attributes.n(w)));
        item.put("affinityTotal", Attributes.n(state.affinityTotal()));
        item.put("priceLogSum", AttributeValue.fromN(Double.toString(state.priceLogSum())));
        item.put("priceCount", Attributes.n(state.priceCount()));
        if (!state.recent().isEmpty()) {
            item.put(RECENT, AttributeValue.fromL(state.recent().stream()
                    .map(DynamoFeatureStore::interactionToAttribute).toList()));
        }
        return item;
    }

    @Override
    public SessionMerge mergeSession(String sessionId, String userId) {
        String sessionKey = ShopperKeys.session(sessionId);
        Map<String, AttributeValue> sessionKeyAttributes = key(userPk(sessionKey), STATE);
        UpdateExpression claim = new UpdateExpression().set(MERGED_INTO, Attributes.s(userId))
                .set("userId", Attributes.s(sessionKey)).add(STATE_VERSION, ONE);
        String owner = claim.name(MERGED_INTO);
        Map<String, AttributeValue> before;
        try {
            // the same shopper may claim again: that finishes a merge that broke off after the claim
            before = dynamo.updateItem(claim.applyTo(UpdateItemRequest.builder().tableName(table)
                    .key(sessionKeyAttributes).returnValues(ReturnValue.ALL_OLD)
                    .conditionExpression("attribute_not_exists(" + owner + ") OR " + owner + " = "
                            + claim.value(Attributes.s(userId)))).build())
                    .attributes();
        } catch (ConditionalCheckFailedException e) {
            return SessionMerge.OTHER_SHOPPER;
        }
        List<UpdateExpression> parts = before == null || before.isEmpty() ? List.of(new UpdateExpression())
                : mergeExpressions(stateFromAttributes(sessionKey, before));
        // too large for one write: only list it; the caller rebuilds the shopper from the log
        boolean linkOnly = parts.size() > 1;
        int bytes = FeatureStore.sessionBytes(sessionId);
        UpdateExpression merge = (linkOnly ? new UpdateExpression() : parts.get(0))
                .add(SESSIONS, AttributeValue.fromSs(List.of(sessionId))).add(SESSION_BYTES, Attributes.n(bytes))
                .add(STATE_VERSION, ONE);
        String sessions = merge.name(SESSIONS);
        String used = merge.name(SESSION_BYTES);
        try {
            dynamo.updateItem(merge.applyTo(UpdateItemRequest.builder().tableName(table)
                    .key(key(userPk(userId), STATE)).conditionExpression("(attribute_not_exists(" + sessions
                            + ") OR NOT contains(" + sessions + ", " + merge.value(Attributes.s(sessionId)) + "))"
                            + " AND (attribute_not_exists(" + used + ") OR " + used + " <= "
                            + merge.value(Attributes.n(SESSION_BYTES_LIMIT - bytes)) + ")"))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            if (mergedSessions(userId).contains(sessionId)) {
                // listed by an earlier try: a link is finished by the caller's rebuild, a merge is done
                return linkOnly ? SessionMerge.LINKED : SessionMerge.ALREADY_MERGED;
            }
            release(sessionKeyAttributes, userId);
            return SessionMerge.FULL;
        }
        return linkOnly ? SessionMerge.LINKED : SessionMerge.MERGED;
    }

    /** Takes back a session's claim by {@code userId}, which it could not be merged into: it stays anonymous. */
    private void release(Map<String, AttributeValue> sessionKey, String userId) {
        UpdateExpression release = new UpdateExpression().remove(MERGED_INTO).add(STATE_VERSION, ONE);
        String owner = release.name(MERGED_INTO);
        try {
            dynamo.updateItem(release.applyTo(UpdateItemRequest.builder().tableName(table).key(sessionKey)
                    .conditionExpression(owner + " = " + release.value(Attributes.s(userId)))).build());
        } catch (ConditionalCheckFailedException e) {
            // no longer claimed by this shopper
        }
    }

    /**
     * The updates that add a session's state to a shopper's, at most {@value #MAX_ACTIONS} actions each to stay within
     * DynamoDB's 4 KB expression limit: one update for a session of up to about 20 items.
     */
    private static List<UpdateExpression> mergeExpressions(UserState session) {
        List<UpdateExpression> parts = new ArrayList<>(List.of(new UpdateExpression()));
        java.util.function.Supplier<UpdateExpression> current = () -> {
            UpdateExpression last = parts.get(parts.size() - 1);
            if (last.size() >= MAX_ACTIONS) {
                last = new UpdateExpression();
                parts.add(last);
            }
            return last;
        };
        session.purchases().forEach((item, at) -> current.get().set(PURCHASE_PREFIX + item, Attributes.n(at)));
        session.cart().forEach((item, at) -> current.get().set(CART_PREFIX + item, Attributes.n(at)));
        session.items().forEach((item, weight) -> current.get().add(ITEM_PREFIX + item, Attributes.n(weight)));
        session.affinities().forEach((k, weight) -> current.get().add(AFFINITY_PREFIX + k, Attributes.n(weight)));
        UpdateExpression totals = current.get();
        totals.add("affinityTotal", Attributes.n(session.affinityTotal()))
                .add("priceLogSum", AttributeValue.fromN(Double.toString(session.priceLogSum())))
                .add("priceCount", Attributes.n(session.priceCount()));
        if (!session.recent().isEmpty()) {
            totals.append(RECENT, session.recent().stream().map(DynamoFeatureStore::interactionToAttribute).toList());
        }
        return parts;
    }

    private static AttributeValue interactionToAttribute(Interaction interaction) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("i", Attributes.s(interaction.itemId()));
        entry.put("t", Attributes.s(interaction.type().wireName()));
        entry.put("at", Attributes.n(interaction.at()));
        entry.put("c", Attributes.s(interaction.channel().wireName()));
        if (interaction.storeId() != null) {
            entry.put("s", Attributes.s(interaction.storeId()));
        }
        return AttributeValue.fromM(entry);
    }

    private static Optional<Interaction> interactionFromAttribute(AttributeValue value) {
        if (!value.hasM()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> entry = value.m();
        Optional<EventType> type = EventType.fromWire(Attributes.str(entry, "t"));
        Optional<Channel> channel = Channel.fromWire(Attributes.str(entry, "c"));
        if (type.isEmpty() || channel.isEmpty() || Attributes.str(entry, "i") == null) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(Attributes.str(entry, "i"), type.get(), (long) Attributes.num(entry, "at"),
                channel.get(), Attributes.str(entry, "s")));
    }

    /**
     * One {@code UpdateItem} per store, part and direction: an item's level lands in the part of the store's stock its
     * id hashes to ({@value #STOCK_PARTS} parts, so a store holds {@value #STOCK_PARTS} times what one item can);
     * items back in stock are also taken out of the store's unsharded {@code STOCK} item that stock was kept in before
     * (one write conditioned on it holding any).
     */
    @Override
    public void applyStock(List<StockLevel> levels) {
        // the last level of each store and item in the batch holds
        Map<String, Map<String, Boolean>> byStore = new java.util.TreeMap<>();
        levels.forEach(level -> byStore.computeIfAbsent(level.storeId(), s -> new java.util.LinkedHashMap<>())
                .put(level.itemId(), level.inStock()));
        byStore.forEach((storeId, items) -> {
            Map<Integer, List<String>> out = new java.util.TreeMap<>();
            Map<Integer, List<String>> in = new java.util.TreeMap<>();
            items.forEach((itemId, inStock) -> (inStock ? in : out)
                    .computeIfAbsent(stockPart(itemId), p -> new ArrayList<>()).add(itemId));
            out.forEach((part, ids) -> changeStock(stockPartKey(storeId, part), "ADD", ids, false));
            in.forEach((part, ids) -> changeStock(stockPartKey(storeId, part), "DELETE", ids, false));
            List<String> back = in.values().stream().flatMap(List::stream).toList();
            if (!back.isEmpty()) {
                changeStock(key(storePk(storeId), STOCK), "DELETE", back, true);
            }
        });
    }

    private void changeStock(Map<String, AttributeValue> key, String action, List<String> ids, boolean ifHeld) {
        UpdateItemRequest.Builder update = UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(action + " #out :ids").expressionAttributeNames(Map.of("#out", OUT_OF_STOCK))
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(ids)));
        if (ifHeld) {
            update.conditionExpression("attribute_exists(#out)");
        }
        try {
            dynamo.updateItem(update.build());
        } catch (ConditionalCheckFailedException e) {
            // the unsharded item holds no stock: nothing to take out
        }
    }

    /** The part of a store's stock an item's level is kept in. */
    static int stockPart(String itemId) {
        return Math.floorMod(itemId.hashCode(), STOCK_PARTS);
    }

    /** One {@code UpdateItem} per store: its {@code name} on the item that holds its stock, read with it. */
    @Override
    public void nameStores(List<io.omnirec.core.domain.Store> stores) {
        for (io.omnirec.core.domain.Store store : stores) {
            dynamo.updateItem(b -> b.tableName(table).key(key(storePk(store.storeId()), STOCK))
                    .updateExpression("SET #name = :name")
                    .expressionAttributeNames(Map.of("#name", "name"))
                    .expressionAttributeValues(Map.of(":name", Attributes.s(store.name()))));
        }
    }

    /**
     * The keys {@link #loadShopperContext} reads in its one {@code BatchGetItem}: the shopper's state and profile, and
     * the stock of {@code storeId} ({@link #stockKeys}) unless it is {@code null}.
     */
    public static List<Map<String, AttributeValue>> shopperContextKeys(String userId, String storeId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(key(userPk(userId), STATE),
                key(userPk(userId), PROFILE)));
        if (storeId != null) {
            keys.addAll(stockKeys(storeId));
        }
        return keys;
    }

    /**
     * The items that hold a store's stock: {@code STOCK} (its name, and the stock kept before it was split) and its
     * {@value #STOCK_PARTS} parts {@code STOCK#<n>}.
     */
    public static List<Map<String, AttributeValue>> stockKeys(String storeId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(key(storePk(storeId), STOCK)));
        IntStream.range(0, STOCK_PARTS).forEach(part -> keys.add(stockPartKey(storeId, part)));
        return keys;
    }

    private static Map<String, AttributeValue> stockPartKey(String storeId, int part) {
        return key(storePk(storeId), STOCK + "#" + part);
    }

    @Override
    public ShopperContext loadShopperContext(String userId, String storeId) {
        List<Map<String, AttributeValue>> found = batchGet(shopperContextKeys(userId, storeId));
        UserState state = UserState.empty(userId);
        Optional<Customer> profile = Optional.empty();
        List<Map<String, AttributeValue>> stock = new ArrayList<>();
        for (Map<String, AttributeValue> item : found) {
            String sk = Attributes.str(item, "sk");
            if (STATE.equals(sk)) {
                state = stateFromAttributes(userId, item);
            } else if (sk.startsWith(STOCK)) {
                stock.add(item);
            } else {
                profile = Optional.of(customerFromAttributes(userId, item));
            }
        }
        StoreStock where = stockFrom(stock);
        return new ShopperContext(state, profile, where.unavailable(), where.name());
    }

    /** One {@code BatchGetItem} of the store's {@link #stockKeys}. */
    @Override
    public StoreStock loadStock(String storeId) {
        return stockFrom(batchGet(stockKeys(storeId)));
    }

    private static StoreStock stockFrom(List<Map<String, AttributeValue>> items) {
        Set<String> unavailable = new HashSet<>();
        Optional<String> name = Optional.empty();
        for (Map<String, AttributeValue> item : items) {
            if (item.containsKey(OUT_OF_STOCK)) {
                unavailable.addAll(item.get(OUT_OF_STOCK).ss());
            }
            if (item.containsKey("name")) {
                name = Optional.of(item.get("name").s());
            }
        }
        return new StoreStock(unavailable, name);
    }

    private static Customer customerFromAttributes(String userId, Map<String, AttributeValue> item) {
        return new Customer(userId, (int) Attributes.num(item, "age"), Attributes.str(item, "gender"),
                Attributes.str(item, "region"), Attributes.str(item, "homeStoreId"), Attributes.str(item, "postalCode"),
                !(item.containsKey("personalization") && Boolean.FALSE.equals(item.get("personalization").bool())));
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
        List<Interaction> recent = new ArrayList<>();
        if (item.containsKey(RECENT) && item.get(RECENT).hasL()) {
            item.get(RECENT).l().forEach(entry -> interactionFromAttribute(entry).ifPresent(recent::add));
        }
        return new UserState(userId, purchases, cart, items, affinities, Attributes.num(item, "affinityTotal"),
                Attributes.num(item, "priceLogSum"), (long) Attributes.num(item, "priceCount"), recent);
    }

    private static Map<String, AttributeValue> itemToAttributes(CatalogItem i) {
        Map<String, AttributeValue> item = new HashMap<>(key(itemPk(i.itemId()), META));
        item.put(KIND, Attributes.s(kind(META, i.itemId())));
        item.put("itemId", Attributes.s(i.itemId()));
        item.put("title", Attributes.s(i.title()));
        item.put("category", Attributes.s(i.category()));
        item.put("brand", Attributes.s(i.brand()));
        item.put("price", AttributeValue.fromN(Double.toString(i.price())));
        item.put("consumable", AttributeValue.fromBool(i.consumable()));
        if (i.repurchaseDays() > 0) {
            item.put("repurchaseDays", Attributes.n(i.repurchaseDays()));
        }
        if (i.inactive()) {
            item.put("inactive", AttributeValue.fromBool(true));
        }
        ItemDetails details = i.details();
        if (!details.description().isEmpty()) {
            item.put("description", Attributes.s(details.description()));
        }
        if (details.launchDate() != null) {
            item.put("launchDate", Attributes.s(details.launchDate().toString()));
        }
        if (!details.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            details.attributes().forEach((name, value) -> attributes.put(name, Attributes.s(value)));
            item.put("attributes", AttributeValue.fromM(attributes));
        }
        return item;
    }

    private static CatalogItem itemFromAttributes(Map<String, AttributeValue> item) {
        return new CatalogItem(Attributes.str(item, "itemId"), Attributes.str(item, "title"),
                Attributes.str(item, "category"), Attributes.str(item, "brand"), Attributes.num(item, "price"),
                Boolean.TRUE.equals(item.get("consumable").bool()),
                item.containsKey("repurchaseDays") ? (int) Attributes.num(item, "repurchaseDays") : 0,
                item.containsKey("inactive") && Boolean.TRUE.equals(item.get("inactive").bool()),
                detailsFromAttributes(item));
    }

    private static ItemDetails detailsFromAttributes(Map<String, AttributeValue> item) {
        if (!item.containsKey("description") && !item.containsKey("launchDate") && !item.containsKey("attributes")) {
            return ItemDetails.NONE;
        }
        Map<String, String> attributes = new HashMap<>();
        if (item.containsKey("attributes") && item.get("attributes").hasM()) {
            item.get("attributes").m().forEach((name, value) -> attributes.put(name, value.s()));
        }
        String description = Attributes.str(item, "description");
        String launch = Attributes.str(item, "launchDate");
        return new ItemDetails(description == null ? "" : description, attributes,
                launch == null ? null : java.time.LocalDate.parse(launch));
    }

    /** The catalog items ({@link #META}) or profiles ({@link #PROFILE}): one {@code Query} per shard of the index. */
    private Iterable<Map<String, AttributeValue>> ofKind(String sk) {
        return () -> IntStream.range(0, KIND_SHARDS).boxed()
                .flatMap(shard -> dynamo.queryPaginator(b -> b.tableName(table).indexName(KIND_INDEX)
                        .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", KIND))
                        .expressionAttributeValues(Map.of(":k", Attributes.s(kindKey(sk) + "#" + shard))))
                        .items().stream())
                .iterator();
    }

    private static String kind(String sk, String id) {
        return kindKey(sk) + "#" + Math.floorMod(id.hashCode(), KIND_SHARDS);
    }

    private static String kindKey(String sk) {
        return sk.equals(META) ? "item" : "profile";
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return DynamoBatches.get(dynamo, table, keys);
    }

    private void writeAll(List<Map<String, AttributeValue>> items) {
        DynamoBatches.write(dynamo, table, items.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList());
    }
}
