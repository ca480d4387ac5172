package io.omnirec.core.store;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.features.AffinityDecay;
import io.omnirec.core.features.Interaction;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.StateBounds;
import io.omnirec.core.features.UserState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link FeatureStore} must do; run against each implementation. Each test gets an empty store. */
public abstract class FeatureStoreContract {

    protected abstract FeatureStore newStore();

    static final CatalogItem MILK = new CatalogItem("milk-1", "Fresh milk, 1l", "Grocery/Dairy", "Alpen", 1.29, true,
            7);
    static final CatalogItem PHONE = new CatalogItem("phone-1", "Phone \"X\"", "Electronics/Phones", "Nokio", 499.0,
            false);

    static InteractionUpdate update(String userId, CatalogItem item, EventType type) {
        return InteractionUpdate.of(new ShopperEvent("e", userId, item.itemId(), type,
                Instant.parse("2026-11-01T10:00:00Z"), Channel.WEB, null, null, null), Optional.of(item));
    }

    @Test
    void items_shouldReturnOnlyExistingItems_whenSomeAreMissing() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK, PHONE));
        Map<String, CatalogItem> found = store.items(List.of("milk-1", "phone-1", "nope"));
        assertEquals(Map.of("milk-1", MILK, "phone-1", PHONE), found);
    }

    @Test
    void upsertItems_shouldKeepTheItemsDetails() {
        FeatureStore store = newStore();
        CatalogItem shirt = new CatalogItem("shirt-1", "Shirt", "Fashion/Shirts", "Cotto", 25, false, 0, false,
                new io.omnirec.core.domain.ItemDetails("Soft cotton, “slim” fit", Map.of("colour", "red", "size", "L"),
                        java.time.LocalDate.parse("2026-12-01")));
        store.upsertItems(List.of(shirt, PHONE));
        assertEquals(Map.of("shirt-1", shirt, "phone-1", PHONE), store.items(List.of("shirt-1", "phone-1")));
    }

    @Test
    void upsertItems_shouldKeepWhetherAnItemIsOnSale() {
        FeatureStore store = newStore();
        CatalogItem withdrawn = new CatalogItem("old-1", "Old phone", "Electronics/Phones", "Nokio", 99, false, 0, true);
        store.upsertItems(List.of(withdrawn, MILK));
        assertEquals(withdrawn, store.items(List.of("old-1")).get("old-1"));
        assertTrue(store.items(List.of("milk-1")).get("milk-1").active());
    }

    @Test
    void upsertItems_shouldReplaceTheItem_whenItExists() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK));
        CatalogItem repriced = new CatalogItem("milk-1", "Fresh milk, 1l", "Grocery/Dairy", "Alpen", 1.49, true);
        store.upsertItems(List.of(repriced));
        assertEquals(repriced, store.items(List.of("milk-1")).get("milk-1"));
        List<CatalogItem> all = new ArrayList<>();
        store.forEachItem(all::add);
        assertEquals(List.of(repriced), all);
    }

    @Test
    void apply_shouldUpdateShopperState_whenEventsArrive() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK, PHONE));
        store.apply(update("u1", PHONE, EventType.VIEW));
        store.apply(update("u1", PHONE, EventType.ADD_TO_CART));
        store.apply(update("u1", PHONE, EventType.PURCHASE));
        store.apply(update("u2", PHONE, EventType.VIEW));

        UserState state = store.loadShopperContext("u1").state();
        assertEquals(Set.of("phone-1"), state.purchased());
        assertEquals(9.0 * AffinityDecay.scale(Instant.parse("2026-11-01T10:00:00Z")), state.affinityTotal(), 1e-9);
        assertEquals(1.0, state.share(UserState.categoryKey("Electronics/Phones")), 1e-9);
        assertEquals(1.0, state.share(UserState.brandKey("Nokio")), 1e-9);
        assertEquals(Math.log(499.0), state.meanPriceLog(), 1e-9);
        assertEquals(Map.of("phone-1", 9.0), state.items());
        assertEquals(Map.of("phone-1", 1.0), store.loadShopperContext("u2").state().items());
    }

    static InteractionUpdate at(String userId, CatalogItem item, EventType type, String time) {
        return InteractionUpdate.of(new ShopperEvent("e", userId, item.itemId(), type, Instant.parse(time),
                Channel.WEB, null, null, null), Optional.of(item));
    }

    @Test
    void apply_shouldKeepTheCartAndLastPurchaseTimes_whenCartsChangeAndPurchasesHappen() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK, PHONE));
        store.apply(at("u1", PHONE, EventType.ADD_TO_CART, "2026-11-01T10:00:00Z"));
        store.apply(at("u1", MILK, EventType.ADD_TO_CART, "2026-11-01T10:05:00Z"));
        UserState carted = store.loadShopperContext("u1").state();
        assertEquals(Map.of("phone-1", Instant.parse("2026-11-01T10:00:00Z").getEpochSecond(),
                "milk-1", Instant.parse("2026-11-01T10:05:00Z").getEpochSecond()), carted.cart());
        assertEquals(List.of("milk-1", "phone-1"), carted.activeCart(Instant.parse("2026-11-02T00:00:00Z")));
        assertEquals(List.of(), carted.activeCart(Instant.parse("2026-12-01T00:00:00Z")), "abandoned after 14 days");

        store.apply(at("u1", PHONE, EventType.REMOVE_FROM_CART, "2026-11-01T10:06:00Z"));
        store.apply(at("u1", MILK, EventType.PURCHASE, "2026-11-01T10:10:00Z"));
        store.apply(at("u1", MILK, EventType.REMOVE_FROM_CART, "2026-11-01T10:11:00Z"));
        UserState after = store.loadShopperContext("u1").state();
        assertEquals(Map.of(), after.cart());
        assertEquals(Map.of("milk-1", Instant.parse("2026-11-01T10:10:00Z").getEpochSecond()), after.purchases());
        store.apply(at("u1", MILK, EventType.PURCHASE, "2026-11-20T09:00:00Z"));
        assertEquals(Map.of("milk-1", Instant.parse("2026-11-20T09:00:00Z").getEpochSecond()),
                store.loadShopperContext("u1").state().purchases());
    }

    @Test
    void apply_shouldWeighRecentTasteMore_whenTheShoppersInterestsMove() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK, PHONE));
        store.apply(at("u1", PHONE, EventType.PURCHASE, "2025-11-01T10:00:00Z"));
        store.apply(at("u1", MILK, EventType.PURCHASE, "2026-11-01T10:00:00Z"));
        UserState state = store.loadShopperContext("u1").state();
        double year = Math.pow(2, 365.0 / AffinityDecay.HALF_LIFE.toDays());
        assertEquals(year / (1 + year), state.share(UserState.categoryKey("Grocery/Dairy")), 1e-6,
                "a purchase a year older counts 2^(365/half-life) times less");
        assertTrue(state.share(UserState.brandKey("Alpen")) > 0.9);
    }

    @Test
    void applyOnce_shouldKeepTheHeaviestWeightsAndLatestCartWithinTheirBytes_whenAShopperTouchesThousandsOfBytes() {
        FeatureStore store = newStore();
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        String pad = "x".repeat(200);
        List<CatalogItem> favourites = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            favourites.add(new CatalogItem("fav-" + i + pad, "Favourite", "Fav/Shelf" + i, "FavBrand", 10, false));
        }
        int[] n = {0};
        java.util.function.BiConsumer<CatalogItem, EventType> send = (item, type) -> {
            int i = n[0]++;
            InteractionUpdate update = InteractionUpdate.of(new ShopperEvent("b" + i, "u1", item.itemId(), type,
                    start.plusSeconds(60L * i), Channel.WEB, null, null, null), Optional.of(item));
            assertEquals(EventApplication.Outcome.APPLIED,
                    store.applyOnce(new EventApplication("b" + i, update, start.plusSeconds(60L * i), null)));
        };
        for (int round = 0; round < 10; round++) {
            favourites.forEach(item -> send.accept(item, EventType.VIEW));
        }
        int touched = 260;
        for (int i = 0; i < touched; i++) {
            CatalogItem item = new CatalogItem("item-" + i + pad, "Thing", "Top" + i + "/" + pad, "Brand" + i + pad, 5,
                    false);
            send.accept(item, i >= touched - 120 ? EventType.ADD_TO_CART : EventType.VIEW);
        }
        UserState state = store.loadShopperContext("u1").state();
        int entry = StateBounds.entryBytes("item-100" + pad);
        int growth = 2 * 16 * entry; // a store may trim only every 16 events
        assertTrue(state.items().size() < touched, "item weights dropped: " + state.items().size());
        assertTrue(StateBounds.bytes(state.items()) <= StateBounds.ITEMS.bytes() + growth,
                "item weights bounded: " + StateBounds.bytes(state.items()));
        favourites.forEach(f -> assertTrue(state.items().containsKey(f.itemId()), "the heaviest are kept"));
        assertTrue(StateBounds.bytes(state.affinities()) <= StateBounds.AFFINITIES.bytes() + 3 * growth,
                "affinities bounded: " + StateBounds.bytes(state.affinities()));
        assertTrue(state.share(UserState.brandKey("FavBrand")) > 0, "the heaviest affinity is kept");
        assertTrue(StateBounds.bytes(state.cart()) <= StateBounds.CART.bytes() + growth,
                "cart bounded: " + StateBounds.bytes(state.cart()));
        assertTrue(state.cart().containsKey("item-" + (touched - 1) + pad), "the last carted is kept");
        assertFalse(state.cart().containsKey("item-" + (touched - 120) + pad), "the first carted is dropped");
        assertTrue(state.cart().size() < 120, "cart entries dropped: " + state.cart().size());
    }

    @Test
    void mergeSession_shouldRefuseAndLeaveTheSessionAnonymous_whenTheShopperListsAsManySessionBytesAsItKeeps() {
        FeatureStore store = newStore();
        int fit = FeatureStore.SESSION_BYTES_LIMIT / 256;
        for (int i = 0; i < fit; i++) {
            assertEquals(FeatureStore.SessionMerge.MERGED, store.mergeSession(longSession(i), "u1"));
        }
        assertEquals(FeatureStore.SessionMerge.FULL, store.mergeSession(longSession(fit), "u1"));
        assertEquals(FeatureStore.SessionMerge.FULL, store.mergeSession(longSession(fit), "u1"), "and again");
        assertEquals(fit, store.mergedSessions("u1").size());
        assertFalse(store.mergedSessions("u1").contains(longSession(fit)));
        assertEquals(FeatureStore.SessionMerge.ALREADY_MERGED, store.mergeSession(longSession(3), "u1"));
        assertEquals(FeatureStore.SessionMerge.MERGED, store.mergeSession(longSession(fit), "u2"),
                "the refused session stayed anonymous");
    }

    /** A session id of 256 bytes, the longest accepted. */
    private static String longSession(int i) {
        return String.format("%06d", i) + "s".repeat(250);
    }

    @Test
    void apply_shouldDropTheOldestPurchases_whenAShopperBoughtMoreThanTheStateKeeps() {
        FeatureStore store = newStore();
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        int bought = StateBounds.PURCHASES.trimAt() + 10;
        for (int i = 0; i < bought; i++) {
            store.apply(InteractionUpdate.of(new ShopperEvent("p" + i, "u1", "item-" + i, EventType.PURCHASE,
                    start.plusSeconds(3600L * i), Channel.WEB, null, null, null), Optional.empty()));
        }
        Map<String, Long> purchases = store.loadShopperContext("u1").state().purchases();
        assertTrue(purchases.size() >= StateBounds.PURCHASES.entries()
                && purchases.size() <= StateBounds.PURCHASES.trimAt(), "bounded: " + purchases.size());
        assertTrue(purchases.containsKey("item-" + (bought - 1)), "the newest is kept");
        assertFalse(purchases.containsKey("item-0"), "the oldest is dropped");
        long oldestKept = purchases.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertEquals(start.plusSeconds(3600L * (bought - purchases.size())).getEpochSecond(), oldestKept,
                "only the oldest were dropped");
    }

    @Test
    void apply_shouldKeepTheLatestInteractionsInTimeOrder_whenMoreArriveThanTheLimit() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK, PHONE));
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        int sent = UserState.RECENT_LIMIT * 2 + 5;
        for (int i = 0; i < sent; i++) {
            CatalogItem item = i % 2 == 0 ? MILK : PHONE;
            store.apply(InteractionUpdate.of(new ShopperEvent("e" + i, "u1", item.itemId(), EventType.VIEW,
                    start.plusSeconds(60L * i), i % 3 == 0 ? Channel.STORE : Channel.APP,
                    i % 3 == 0 ? "store-7" : null, null, null), Optional.of(item)));
        }
        List<Interaction> recent = store.loadShopperContext("u1").state().recent();
        assertTrue(recent.size() >= UserState.RECENT_LIMIT, "kept at least the limit, got " + recent.size());
        assertTrue(recent.size() <= UserState.RECENT_LIMIT + 10, "bounded, got " + recent.size());
        Interaction last = recent.get(recent.size() - 1);
        assertEquals(start.plusSeconds(60L * (sent - 1)).getEpochSecond(), last.at());
        assertEquals(new Interaction((sent - 1) % 2 == 0 ? "milk-1" : "phone-1", EventType.VIEW, last.at(),
                (sent - 1) % 3 == 0 ? Channel.STORE : Channel.APP, (sent - 1) % 3 == 0 ? "store-7" : null), last);
        for (int i = 1; i < recent.size(); i++) {
            assertTrue(recent.get(i).at() > recent.get(i - 1).at(), "oldest first");
        }
        assertEquals(start.plusSeconds(60L * (sent - recent.size())).getEpochSecond(), recent.get(0).at(),
                "the oldest were dropped");
    }

    @Test
    void mergeSession_shouldAddTheSessionToTheShopperOnce_whenTheSessionIsIdentified() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(MILK, PHONE));
        String session = ShopperKeys.session("s-42");
        store.apply(at("u1", MILK, EventType.PURCHASE, "2026-11-01T10:00:00Z"));
        store.apply(at(session, PHONE, EventType.VIEW, "2026-11-02T10:00:00Z"));
        store.apply(at(session, PHONE, EventType.ADD_TO_CART, "2026-11-02T10:01:00Z"));

        double totals = store.loadShopperContext("u1").state().affinityTotal()
                + store.loadShopperContext(session).state().affinityTotal();
        assertEquals(FeatureStore.SessionMerge.MERGED, store.mergeSession("s-42", "u1"));
        UserState merged = store.loadShopperContext("u1").state();
        assertEquals(Map.of("milk-1", 5.0, "phone-1", 4.0), merged.items());
        assertEquals(Set.of("phone-1"), merged.cart().keySet());
        assertEquals(Set.of("milk-1"), merged.purchased());
        assertEquals(totals, merged.affinityTotal(), 1e-9);
        assertEquals(List.of(EventType.PURCHASE, EventType.VIEW, EventType.ADD_TO_CART),
                merged.recent().stream().map(Interaction::type).toList());

        assertEquals(FeatureStore.SessionMerge.ALREADY_MERGED, store.mergeSession("s-42", "u1"));
        assertEquals(FeatureStore.SessionMerge.OTHER_SHOPPER, store.mergeSession("s-42", "u2"));
        assertEquals(merged.items(), store.loadShopperContext("u1").state().items(), "nothing counted twice");
        assertFalse(store.loadShopperContext("u2").state().hasHistory());
        assertEquals(FeatureStore.SessionMerge.MERGED, store.mergeSession("never-seen", "u2"));
        assertEquals(FeatureStore.SessionMerge.ALREADY_MERGED, store.mergeSession("never-seen", "u2"));
    }

    @Test
    void loadShopperContext_shouldListWhatIsOutOfStockWhereTheShopperIsServed_whenStockLevelsArrive() {
        FeatureStore store = newStore();
        store.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-1", "milk-1", false),
                new io.omnirec.core.domain.StockLevel("store-1", "phone-1", false),
                new io.omnirec.core.domain.StockLevel("online", "phone-1", false)));
        assertEquals(Set.of("milk-1", "phone-1"), store.loadShopperContext("u1", "store-1").unavailable());
        store.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-1", "milk-1", true),
                new io.omnirec.core.domain.StockLevel("store-1", "phone-1", true),
                new io.omnirec.core.domain.StockLevel("store-1", "phone-1", false)));
        assertEquals(Set.of("phone-1"), store.loadShopperContext("u1", "store-1").unavailable());
        assertEquals(Set.of("phone-1"), store.loadShopperContext("u1", "online").unavailable());
        assertEquals(Set.of(), store.loadShopperContext("u1", "store-2").unavailable());
        assertEquals(Set.of(), store.loadShopperContext("u1").unavailable());
    }

    @Test
    void loadShopperContext_shouldNameTheStore_withItsStockAndNothingElse() {
        FeatureStore store = newStore();
        store.nameStores(List.of(new io.omnirec.core.domain.Store("store-9", "Riverside")));
        assertEquals(java.util.Optional.of("Riverside"), store.loadShopperContext("u1", "store-9").storeName());
        assertEquals(Set.of(), store.loadShopperContext("u1", "store-9").unavailable(), "a name is no stock");
        store.applyStock(List.of(new io.omnirec.core.domain.StockLevel("store-9", "milk-1", false)));
        store.nameStores(List.of(new io.omnirec.core.domain.Store("store-9", "Riverside Mall")));
        assertEquals(java.util.Optional.of("Riverside Mall"), store.loadShopperContext("u1", "store-9").storeName());
        assertEquals(Set.of("milk-1"), store.loadShopperContext("u1", "store-9").unavailable());
        assertEquals(java.util.Optional.empty(), store.loadShopperContext("u1", "store-8").storeName());
        assertEquals(java.util.Optional.empty(), store.loadShopperContext("u1").storeName());
        assertEquals(new StoreStock(Set.of("milk-1"), java.util.Optional.of("Riverside Mall")),
                store.loadStock("store-9"), "the same stock and name read without a shopper");
        assertEquals(StoreStock.NONE, store.loadStock("store-8"));
    }

    @Test
    void loadShopperContext_shouldReturnEmptyStateAndNoProfile_whenShopperIsUnknown() {
        ShopperContext context = newStore().loadShopperContext("nobody");
        assertFalse(context.state().hasHistory());
        assertTrue(context.profile().isEmpty());
    }

    @Test
    void loadShopperContext_shouldReturnProfile_whenItWasImported() {
        FeatureStore store = newStore();
        Customer customer = new Customer("u9", 41, "F", "North", "store-02");
        Customer private8 = new Customer("u8", 19, "M", "South", "", "80331", false);
        store.upsertCustomers(List.of(customer, private8));
        ShopperContext context = store.loadShopperContext("u9");
        assertEquals(Optional.of(customer), context.profile());
        assertEquals(Optional.of(private8), store.customer("u8"), "postal code and withdrawn consent kept");
        List<Customer> all = new ArrayList<>();
        store.forEachCustomer(all::add);
        assertEquals(2, all.size());
        assertTrue(all.contains(customer));
    }

    @Test
    void applyOnce_shouldWriteOncePerEventAndRefuseToGuess_whenItsMarkersWereDropped() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(PHONE));
        Instant start = Instant.parse("2026-11-29T12:00:00Z");
        EventApplication first = new EventApplication("first", update("u1", PHONE, EventType.VIEW), start, null);
        assertEquals(EventApplication.Outcome.APPLIED, store.applyOnce(first));
        assertEquals(EventApplication.Outcome.ALREADY_APPLIED, store.applyOnce(first));
        assertEquals(EventApplication.Outcome.ALREADY_APPLIED, store.applyOnce(new EventApplication("first",
                update("u1", PHONE, EventType.VIEW), start.plusSeconds(5), start)));
        assertEquals(1.0, store.loadShopperContext("u1").state().items().get(PHONE.itemId()));

        int later = FeatureStore.MARKER_LIMIT + FeatureStore.MARKER_SLACK;
        for (int i = 1; i <= later; i++) {
            assertEquals(EventApplication.Outcome.APPLIED, store.applyOnce(new EventApplication("later-" + i,
                    update("u1", PHONE, EventType.VIEW), start.plusSeconds(i), null)));
        }
        assertEquals(1.0 + later, store.loadShopperContext("u1").state().items().get(PHONE.itemId()), 1e-9);
        assertEquals(EventApplication.Outcome.UNDECIDABLE, store.applyOnce(new EventApplication("first",
                update("u1", PHONE, EventType.VIEW), start.plusSeconds(500), start)), "its marker was dropped");
        assertEquals(EventApplication.Outcome.APPLIED, store.applyOnce(new EventApplication("stranded",
                update("u1", PHONE, EventType.VIEW), start.plusSeconds(500), start.plusSeconds(later))),
                "markers since then are all kept");
        assertEquals(EventApplication.Outcome.ALREADY_APPLIED, store.applyOnce(new EventApplication(
                "later-" + later, update("u1", PHONE, EventType.VIEW), start.plusSeconds(600), null)));
        assertEquals(2.0 + later, store.loadShopperContext("u1").state().items().get(PHONE.itemId()), 1e-9);
    }

    @Test
    void erase_shouldRemoveTheProfileStateAndMergedSessions_andBeIdempotent() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(PHONE));
        store.upsertCustomers(List.of(new Customer("gone", 33, "X", "West", "")));
        store.apply(update("gone", PHONE, EventType.VIEW));
        store.apply(update(ShopperKeys.session("s-gone"), PHONE, EventType.VIEW));
        assertEquals(FeatureStore.SessionMerge.MERGED, store.mergeSession("s-gone", "gone"));
        store.mergeSession("s-empty", "gone");
        assertEquals(Set.of("s-gone", "s-empty"), store.mergedSessions("gone"));
        assertTrue(store.customer("gone").isPresent());

        assertTrue(store.erase("gone"));
        assertTrue(store.erase(ShopperKeys.session("s-gone")));
        assertTrue(store.customer("gone").isEmpty());
        assertFalse(store.loadShopperContext("gone").state().hasHistory());
        assertFalse(store.loadShopperContext(ShopperKeys.session("s-gone")).state().hasHistory());
        assertEquals(Set.of(), store.mergedSessions("gone"));
        assertFalse(store.erase("gone"), "nothing left the second time");

        store.deleteItem(PHONE.itemId());
        assertEquals(Map.of(), store.items(List.of(PHONE.itemId())));
    }

    @Test
    void ids_shouldRoundTripByteExact_whenTheyAreAnyPrintableUnicode() {
        FeatureStore store = newStore();
        String itemId = "Kaffee/Bohnen #1 – 1 kg";
        String userId = "jürgen.müller+vip@example.com";
        CatalogItem coffee = new CatalogItem(itemId, "Kaffee", "Grocery/Coffee", "Röst", 9.9, true, 30, false);
        store.upsertItems(List.of(coffee));
        store.upsertCustomers(List.of(new Customer(userId, 40, "M", "Süd", "POS/0042#17")));
        store.apply(update(userId, coffee, EventType.PURCHASE));
        assertEquals(Map.of(itemId, coffee), store.items(List.of(itemId)));
        ShopperContext context = store.loadShopperContext(userId);
        assertEquals(Map.of(itemId, 5.0), context.state().items());
        assertEquals(Set.of(itemId), context.state().purchased());
        assertEquals("POS/0042#17", context.profile().orElseThrow().homeStoreId());
        assertFalse(store.loadShopperContext("jürgen.müller+VIP@example.com").state().hasHistory(),
                "ids are exact, not case-folded");
    }

    @Test
    void replaceState_shouldWriteOverTheStateItRead_andNeverOverALaterWrite() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(PHONE, MILK));
        Instant start = Instant.parse("2026-11-29T12:00:00Z");
        StateRevision none = store.readRevision("u1");
        assertEquals(StateRevision.ABSENT, none.version());
        UserState rebuilt = new UserState.Builder(UserState.empty("u1")).add(update("u1", PHONE, EventType.PURCHASE))
                .add(update("u1", MILK, EventType.ADD_TO_CART)).build();

        assertTrue(store.replaceState(none, rebuilt, Map.of("pending-1", start)));
        assertFalse(store.replaceState(none, rebuilt, Map.of()), "the state exists now");

        UserState stored = store.loadShopperContext("u1").state();
        assertEquals(rebuilt.items(), stored.items());
        assertEquals(rebuilt.purchases(), stored.purchases());
        assertEquals(rebuilt.cart(), stored.cart());
        assertEquals(rebuilt.recent(), stored.recent());
        assertEquals(rebuilt.affinityTotal(), stored.affinityTotal(), 1e-9);
        assertEquals(rebuilt.priceLogSum(), stored.priceLogSum(), 1e-9);
        assertEquals(EventApplication.Outcome.ALREADY_APPLIED, store.applyOnce(new EventApplication("pending-1",
                update("u1", PHONE, EventType.VIEW), start, null)), "the rebuild's marker holds");

        StateRevision read = store.readRevision("u1");
        assertEquals(Map.of("pending-1", start), read.markers());
        assertEquals(EventApplication.Outcome.APPLIED, store.applyOnce(new EventApplication("live-1",
                update("u1", PHONE, EventType.VIEW), start.plusSeconds(1), null)));
        assertFalse(store.replaceState(read, UserState.empty("u1"), Map.of()), "a live event moved the state on");
        assertEquals(6.0, store.loadShopperContext("u1").state().items().get(PHONE.itemId()), 1e-9);

        StateRevision again = store.readRevision("u1");
        assertEquals(Set.of("pending-1", "live-1"), again.markers().keySet());
        assertTrue(store.replaceState(again, UserState.empty("u1"), Map.of()));
        assertEquals(Map.of(), store.loadShopperContext("u1").state().items());
        assertEquals(again.markers(), store.readRevision("u1").markers(), "markers are carried over");
    }

    @Test
    void replaceState_shouldKeepTheSessionsMergedIntoTheShopper() {
        FeatureStore store = newStore();
        store.upsertItems(List.of(PHONE));
        store.apply(update(ShopperKeys.session("s-1"), PHONE, EventType.VIEW));
        store.mergeSession("s-1", "u2");
        StateRevision read = store.readRevision("u2");
        assertEquals(Set.of("s-1"), read.sessions());
        StateRevision session = store.readRevision(ShopperKeys.session("s-1"));
        assertEquals("u2", session.mergedInto());

        assertTrue(store.replaceState(read, UserState.empty("u2"), Map.of()));
        assertTrue(store.replaceState(session, UserState.empty(ShopperKeys.session("s-1")), Map.of()));

        assertEquals(Set.of("s-1"), store.mergedSessions("u2"));
        assertEquals(FeatureStore.SessionMerge.ALREADY_MERGED, store.mergeSession("s-1", "u2"));
    }
}
