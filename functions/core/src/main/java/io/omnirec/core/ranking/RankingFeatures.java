package io.omnirec.core.ranking;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature vector of a (shopper, candidate) pair. Training and serving both call {@link #compute}; the names are
 * stored in the model card so a model can be checked against the code that serves it.
 */
public final class RankingFeatures {

    /** Feature names, in vector order. */
    public static final List<String> NAMES = List.of(
            "popularity", "category_share", "top_category_share", "brand_share", "price_fit",
            "new_shopper_popularity", "category_share_x_popularity", "top_category_share_x_popularity");

    private RankingFeatures() {
    }

    /** One vector per candidate; popularity is scaled to [0, 1] over the candidate pool. */
    public static List<double[]> compute(UserState user, List<ItemSnapshot> candidates) {
        double maxLogPopularity = 0;
        for (ItemSnapshot candidate : candidates) {
            maxLogPopularity = Math.max(maxLogPopularity, Math.log1p(candidate.stats().popularity()));
        }
        boolean hasHistory = user.hasHistory();
        double meanPriceLog = user.meanPriceLog();
        List<double[]> rows = new ArrayList<>(candidates.size());
        for (ItemSnapshot candidate : candidates) {
            CatalogItem item = candidate.item();
            double popularity = maxLogPopularity == 0 ? 0
                    : Math.log1p(candidate.stats().popularity()) / maxLogPopularity;
            double priceFit = Double.isNaN(meanPriceLog) || item.price() <= 0 ? 0
                    : Math.exp(-Math.abs(Math.log(item.price()) - meanPriceLog));
            double categoryShare = user.share(UserState.categoryKey(item.category()));
            double topCategoryShare = user.share(UserState.topCategoryKey(item.topCategory()));
            rows.add(new double[] {
                popularity,
                categoryShare,
                topCategoryShare,
                user.share(UserState.brandKey(item.brand())),
                priceFit,
                hasHistory ? 0 : popularity,
                categoryShare * popularity,
                topCategoryShare * popularity
            });
        }
        return rows;
    }
}
