package io.omnirec.core.features;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feature deltas one accepted event causes on the shopper's state. Stores apply it with one additive write (plus,
 * now and then, one trimming the recent interactions), so applying it is cheap and, but for the order of the recent
 * interactions list (which readers sort by time), order-independent.
 *
 * @param at              when the event happened, epoch seconds
 * @param purchasedItemId the item the shopper bought (its last purchase time becomes {@code at}), or {@code null}
 * @param returnedItemId  the item the shopper returned (it no longer counts as bought), or {@code null}
 * @param cart            what the event does to the shopper's cart: a purchase or a removal takes the item out
 * @param itemWeight      weight to add to the shopper's interaction with the item (the history that item-to-item
 *                        candidate sources start from)
 * @param affinities      weight to add per affinity key (see {@link UserState#categoryKey(String)} and friends),
 *                        scaled for time decay ({@link AffinityDecay})
 * @param affinityTotal   weight to add to the shopper's total, the denominator of every affinity (scaled alike)
 * @param priceLog        {@code ln(price)} to add to the shopper's price sum when {@code priceCount} is 1
 * @param interaction     the entry the event adds to the shopper's recent interactions
 */
public record InteractionUpdate(String userId, String itemId, long at, String purchasedItemId, String returnedItemId,
                                CartChange cart,
                                double itemWeight, Map<String, Double> affinities, double affinityTotal,
                                double priceLog, int priceCount, Interaction interaction) {

    /** The effect of an event on the cart. */
    public enum CartChange { NONE, ADD, REMOVE }

    /**
     * The deltas for one interaction event (not {@link EventType#IDENTIFY}); {@code item} is empty when the item is
     * not (yet) in the catalog.
     */
    public static InteractionUpdate of(ShopperEvent event, Optional<CatalogItem> item) {
        EventType type = event.type();
        if (!type.isInteraction()) {
            throw new IllegalArgumentException(type.wireName() + " is not an interaction with an item");
        }
        double weight = type == EventType.RATE && event.details().rating() != null
                ? type.affinityWeight() * event.details().rating() / 5 : type.affinityWeight();
        Map<String, Double> affinities = new LinkedHashMap<>();
        double priceLog = 0;
        int priceCount = 0;
        double decayed = weight * AffinityDecay.scale(event.timestamp());
        if (item.isPresent() && weight > 0) {
            CatalogItem it = item.get();
            affinities.put(UserState.categoryKey(it.category()), decayed);
            affinities.put(UserState.topCategoryKey(it.topCategory()), decayed);
            affinities.put(UserState.brandKey(it.brand()), decayed);
            Double paid = event.details().unitPrice();
            double price = paid != null && paid > 0 ? paid : it.price();
            if (type == EventType.PURCHASE && price > 0) {
                priceLog = Math.log(price);
                priceCount = 1;
            }
        }
        double total = affinities.isEmpty() ? 0 : decayed;
        String purchased = type == EventType.PURCHASE ? event.itemId() : null;
        String returned = type == EventType.RETURN ? event.itemId() : null;
        CartChange cart = switch (type) {
            case ADD_TO_CART -> CartChange.ADD;
            case REMOVE_FROM_CART, PURCHASE -> CartChange.REMOVE;
            default -> CartChange.NONE;
        };
        long at = event.timestamp().getEpochSecond();
        return new InteractionUpdate(event.userId(), event.itemId(), at, purchased, returned, cart, weight,
                Map.copyOf(affinities), total, priceLog, priceCount,
                new Interaction(event.itemId(), type, at, event.channel(), event.storeId()));
    }
}
