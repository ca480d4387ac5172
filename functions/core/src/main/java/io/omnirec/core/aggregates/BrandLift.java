package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much better a brand sells at one store than across the chain, within the brand's top category: the store's
 * share of the category's sales heat going to the brand (smoothed toward the chain's share by {@link #PRIOR_HEAT})
 * over the chain's share. Shoppers of a store may favour a local brand; a launch of that brand sells there before it
 * has any history of its own, so the ranker reads the lift of a candidate's brand at the shopper's store.
 *
 * <p>Stored as one ranked list per store, {@code storebrands:<storeId>}: ids {@code <top category>/<brand>}
 * (see {@link #key}), scores the lift, highest first; at most {@code listSize} pairs, the ones the store sells most
 * of. A pair not in the list has no lift (1). Built from the store lists' heat with the aggregates, so it changes with
 * each build, not with the live heat.
 */
public final class BrandLift {
    static final String PREFIX = "storebrands:";
    /** The heat the store's own share is smoothed with: a store that sold little keeps close to the chain's share. */
    static final double PRIOR_HEAT = 5;

    private BrandLift() {
    }

    /** The list of lifts at a store. */
    public static String listName(String storeId) {
        return PREFIX + storeId;
    }

    /**
     * The id of an item's brand within its top category: {@code <top category>/<brand>}, split at its first slash
     * (a top category has none).
     */
    public static String key(CatalogItem item) {
        return item.topCategory() + "/" + item.brand();
    }

    /**
     * @param storeHeat the store lists' heat by list name ({@code store:<id>}) and item index; other lists are ignored
     * @param items     the catalog by index
     * @param facts     the items' facts by index, whose heat is the chain's
     */
    static Map<String, RankedList> perStore(Map<String, Map<Integer, Double>> storeHeat, List<CatalogItem> items,
                                            ItemFacts[] facts, int listSize) {
        Shares chain = new Shares();
        for (int i = 0; i < items.size(); i++) {
            chain.add(items.get(i), facts[i].heat());
        }
        String storePrefix = Aggregates.storeKey("");
        Map<String, RankedList> lists = new HashMap<>();
        storeHeat.forEach((name, byItem) -> {
            if (!name.startsWith(storePrefix)) {
                return;
            }
            Shares store = new Shares();
            byItem.forEach((i, heat) -> store.add(items.get(i), heat));
            String[] sold = RankedList.byScore(store.brand).ids();
            Map<String, Double> lift = new HashMap<>();
            for (String pair : Arrays.copyOf(sold, Math.min(listSize, sold.length))) {
                double chainShare = chain.share(pair);
                if (chainShare > 0) {
                    String top = pair.substring(0, pair.indexOf('/'));
                    double share = (store.brand.get(pair) + PRIOR_HEAT * chainShare)
                            / (store.top.get(top) + PRIOR_HEAT);
                    lift.put(pair, share / chainShare);
                }
            }
            lists.put(listName(name.substring(storePrefix.length())), RankedList.byScore(lift));
        });
        return lists;
    }

    /** Sales heat by brand within top category, and by top category. */
    private static final class Shares {
        final Map<String, Double> brand = new HashMap<>();
        final Map<String, Double> top = new HashMap<>();

        void add(CatalogItem item, double heat) {
            brand.merge(key(item), heat, Double::sum);
            top.merge(item.topCategory(), heat, Double::sum);
        }

        double share(String pair) {
            double total = top.getOrDefault(pair.substring(0, pair.indexOf('/')), 0.0);
            return total <= 0 ? 0 : brand.getOrDefault(pair, 0.0) / total;
        }
    }
}
