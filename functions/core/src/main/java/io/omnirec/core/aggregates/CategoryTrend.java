package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which categories are rising: a category's recent heat over its long heat (the trend and heat half-lives of
 * {@link AggregateConfig}), relative to the same ratio over the whole catalog, so 1 is "as the catalog", above 1
 * "in season". Each category is smoothed toward 1 by {@link #PRIOR_HEAT}. Items inherit the trend of their leaf and
 * top category, which is what a launch has before it sells.
 *
 * <p>Stored as the ranked list {@value #LIST}: ids every top and leaf category path that sold, scores the trend,
 * highest first; one entry per category.
 */
public final class CategoryTrend {
    public static final String LIST = "categorytrend";
    /** Heat a category's ratio is smoothed with toward the catalog's. */
    static final double PRIOR_HEAT = 5;

    private CategoryTrend() {
    }

    static RankedList of(List<CatalogItem> items, ItemFacts[] facts) {
        Map<String, double[]> byCategory = new HashMap<>();
        double recent = 0;
        double heat = 0;
        for (int i = 0; i < items.size(); i++) {
            CatalogItem item = items.get(i);
            for (String category : item.topCategory().equals(item.category()) ? List.of(item.category())
                    : List.of(item.topCategory(), item.category())) {
                double[] sums = byCategory.computeIfAbsent(category, c -> new double[2]);
                sums[0] += facts[i].recentHeat();
                sums[1] += facts[i].heat();
            }
            recent += facts[i].recentHeat();
            heat += facts[i].heat();
        }
        if (heat <= 0) {
            return RankedList.EMPTY;
        }
        double catalog = recent / heat;
        Map<String, Double> trend = new HashMap<>();
        byCategory.forEach((category, sums) -> {
            if (sums[1] > 0) {
                trend.put(category, (sums[0] + PRIOR_HEAT * catalog) / (sums[1] + PRIOR_HEAT) / catalog);
            }
        });
        return RankedList.byScore(trend);
    }
}
