package io.omnirec.core.features;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.store.FeatureStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the popularity list, the candidate pool of the recommend path: every catalog item ranked by its counters,
 * capped at {@link FeatureStore#MAX_POPULAR_ITEMS}.
 */
public final class PopularityService {
    private final FeatureStore features;

    public PopularityService(FeatureStore features) {
        this.features = features;
    }

    public List<ItemSnapshot> refresh() {
        List<CatalogItem> catalog = new ArrayList<>();
        features.forEachItem(catalog::add);
        return refresh(catalog);
    }

    /** Rebuilds the list for a catalog the caller has already read, with the latest counters. */
    public List<ItemSnapshot> refresh(Collection<CatalogItem> catalog) {
        List<ItemSnapshot> ranked = rank(catalog, features.allItemStats(), FeatureStore.MAX_POPULAR_ITEMS);
        features.savePopularItems(ranked);
        return ranked;
    }

    /** Items by popularity, most popular first, ties by id; items without counters count as zero. */
    public static List<ItemSnapshot> rank(Collection<CatalogItem> catalog, Map<String, ItemStats> stats, int max) {
        return catalog.stream()
                .map(item -> new ItemSnapshot(item, stats.getOrDefault(item.itemId(), ItemStats.ZERO)))
                .sorted(Comparator.comparingDouble((ItemSnapshot s) -> s.stats().popularity()).reversed()
                        .thenComparing(ItemSnapshot::itemId))
                .limit(max)
                .toList();
    }
}
