package io.omnirec.core.features;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feature deltas one accepted event causes on the shopper's state. Stores apply it with one additive write, so
 * applying it is cheap and order-independent.
 *
 * @param purchasedItemId the item to add to the shopper's purchased set, or {@code null}
 * @param itemWeight      weight to add to the shopper's interaction with the item (the history that item-to-item
 *                        candidate sources start from)
 * @param affinities      weight to add per affinity key (see {@link UserState#categoryKey(String)} and friends)
 * @param affinityTotal   weight to add to the shopper's total, the denominator of every affinity
 * @param priceLog        {@code ln(price)} to add to the shopper's price sum when {@code priceCount} is 1
 */
public record InteractionUpdate(String userId, String itemId, String purchasedItemId, double itemWeight,
                                Map<String, Double> affinities, double affinityTotal, double priceLog,
                                int priceCount) {

    /** The deltas for one event; {@code item} is empty when the item is not (yet) in the catalog. */
    public static InteractionUpdate of(ShopperEvent event, Optional<CatalogItem> item) {
        EventType type = event.type();
        double weight = type.affinityWeight();
        Map<String, Double> affinities = new LinkedHashMap<>();
        double priceLog = 0;
        int priceCount = 0;
        if (item.isPresent() && weight > 0) {
            CatalogItem it = item.get();
            affinities.put(UserState.categoryKey(it.category()), weight);
            affinities.put(UserState.topCategoryKey(it.topCategory()), weight);
            affinities.put(UserState.brandKey(it.brand()), weight);
            if (type == EventType.PURCHASE && it.price() > 0) {
                priceLog = Math.log(it.price());
                priceCount = 1;
            }
        }
        double total = affinities.isEmpty() ? 0 : weight;
        String purchased = type == EventType.PURCHASE ? event.itemId() : null;
        return new InteractionUpdate(event.userId(), event.itemId(), purchased, weight, Map.copyOf(affinities), total,
                priceLog, priceCount);
    }
}
