package io.omnirec.core.ranking;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ShopperContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * Recommends for one shopper: read the shopper's context in one round trip, score the candidate pool with the
 * active model (popularity for shoppers without history or when no model is available), drop what the shopper
 * already bought, explain each item.
 */
public final class RecommendationService {

    public static final int MAX_K = 50;
    private static final double REASON_SHARE = 0.15;

    private final FeatureStore features;
    private final Supplier<ActiveModel> activeModel;
    private final Supplier<String> recommendationIds;
    private final Scorer popularity = new PopularityScorer();

    public RecommendationService(FeatureStore features, Supplier<ActiveModel> activeModel,
                                 Supplier<String> recommendationIds) {
        this.features = features;
        this.activeModel = activeModel;
        this.recommendationIds = recommendationIds;
    }

    public Recommendations recommend(String userId, int k) {
        Identifiers.requireValid("userId", userId);
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("invalid_k", "k must be between 1 and " + MAX_K);
        }
        ShopperContext context = features.loadShopperContext(userId);
        UserState user = context.state();
        ActiveModel model = activeModel.get();
        boolean useModel = model.scorer().isPresent() && user.hasHistory();
        Scorer scorer = useModel ? model.scorer().get() : popularity;
        double[] scores = scorer.score(user, context.popularItems());
        List<Recommendations.RecommendedItem> items = TopK.select(context.popularItems(), scores, user.purchased(), k)
                .stream()
                .map(s -> new Recommendations.RecommendedItem(s.candidate().itemId(), s.candidate().item().title(),
                        s.candidate().item().category(), s.score(),
                        useModel ? reason(user, s.candidate().item()) : "Popular with shoppers right now"))
                .toList();
        return new Recommendations(recommendationIds.get(), userId, useModel ? "model" : "popularity",
                useModel ? model.version() : null, model.status(), items);
    }

    private static String reason(UserState user, CatalogItem item) {
        if (user.share(UserState.categoryKey(item.category())) >= REASON_SHARE) {
            return "Because you shop " + item.category();
        }
        if (user.share(UserState.brandKey(item.brand())) >= REASON_SHARE) {
            return "You often choose " + item.brand();
        }
        if (user.share(UserState.topCategoryKey(item.topCategory())) >= REASON_SHARE) {
            return "Because you like " + item.topCategory();
        }
        return "Popular with shoppers like you";
    }
}
