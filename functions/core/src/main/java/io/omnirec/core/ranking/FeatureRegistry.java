package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.BrandLift;
import io.omnirec.core.aggregates.CategoryTrend;
import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.aggregates.RankedList;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.features.UserState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every ranking feature, declared once with a name and a scope, and the one place vectors are computed, for
 * training and for serving alike. The names and a version derived from them are stored in the model card, so a
 * model and the code serving it can be checked against each other.
 */
public final class FeatureRegistry {
    /** Bumped when the meaning of a feature changes without its name changing. */
    static final int SCHEMA = 2;

    /** What a feature describes: the candidate as a source saw it, the item, the shopper, or the pair. */
    public enum Scope { SOURCE, ITEM, SHOPPER, PAIR }

    /** Computes one feature of one candidate. */
    @FunctionalInterface
    public interface Extractor {
        double value(Input input, Candidate candidate, int sourceCount);
    }

    /** A named feature. */
    public record Feature(String name, Scope scope, Extractor extractor) {
    }

    /**
     * What features may read for one request, with the per-request values they share computed once.
     *
     * @param brandLift     the lift of each brand at the request's store by top category, then brand
     *                      ({@link BrandLift}), empty without a store
     * @param build         the aggregates build, with the lookups made once per build
     */
    public record Input(ShopperRequest request, CandidatePool pool, double maxLogBuyers,
                        double maxLogHeat, double historySize, double meanPriceLog,
                        Map<String, Map<String, Float>> brandLift, BuildIndex build) {
        static Input of(ShopperRequest request, CandidatePool pool, BuildIndex build) {
            double maxBuyers = 0;
            double maxHeat = 0;
            for (Candidate c : pool.candidates()) {
                maxBuyers = Math.max(maxBuyers, Math.log1p(c.facts().buyers()));
                maxHeat = Math.max(maxHeat, Math.log1p(c.facts().heat()));
            }
            UserState state = request.state();
            return new Input(request, pool, maxBuyers, maxHeat,
                    Math.min(1, Math.log1p(state.items().size()) / Math.log(1000)), state.meanPriceLog(),
                    request.effectiveStore().map(build::brandLift).orElse(Map.of()), build);
        }
    }

    /**
     * The lookups features make in one aggregates build, made once per build rather than per candidate: the trend
     * of each category, each category path's top category, and the brand lifts of each store asked about so far,
     * by top category and brand. No candidate builds a string to look itself up.
     */
    public record BuildIndex(Aggregates aggregates, Map<String, Float> categoryTrend,
                             Map<String, String> topCategories,
                             Map<String, Map<String, Map<String, Float>>> brandLiftByStore) {
        static BuildIndex of(Aggregates aggregates) {
            return new BuildIndex(aggregates, aggregates.list(CategoryTrend.LIST).asMap(), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>());
        }

        /** The lifts at a store; a store without any (unknown, or any id a caller sends) is not remembered. */
        Map<String, Map<String, Float>> brandLift(String storeId) {
            RankedList list = aggregates.list(BrandLift.listName(storeId));
            if (list.size() == 0) {
                return Map.of();
            }
            return brandLiftByStore.computeIfAbsent(storeId, store -> {
                Map<String, Map<String, Float>> byTop = new HashMap<>();
                for (int i = 0; i < list.size(); i++) {
                    String id = list.ids()[i];
                    int slash = id.indexOf('/');
                    byTop.computeIfAbsent(id.substring(0, slash), top -> new HashMap<>())
                            .put(id.substring(slash + 1), list.scores()[i]);
                }
                return byTop;
            });
        }

        /** The top category of a category path, remembered for the build. */
        String topCategory(CatalogItem item) {
            return topCategories.computeIfAbsent(item.category(), category -> item.topCategory());
        }
    }

    private final List<Feature> features;
    private final List<String> names;
    private volatile BuildIndex index;

    private FeatureRegistry(List<Feature> features) {
        this.features = List.copyOf(features);
        this.names = features.stream().map(Feature::name).toList();
    }

    /** The standard feature set for candidates from these sources (in pool order). */
    public static FeatureRegistry forSources(List<String> sourceNames) {
        List<Feature> features = new ArrayList<>();
        for (int s = 0; s < sourceNames.size(); s++) {
            int source = s;
            String name = sourceNames.get(s);
            features.add(new Feature(name + "_score", Scope.SOURCE, (in, c, n) -> {
                double max = in.pool().maxScores()[source];
                return max <= 0 ? 0 : c.scores()[source] / max;
            }));
            features.add(new Feature(name + "_rrank", Scope.SOURCE,
                    (in, c, n) -> c.ranks()[source] < 0 ? 0 : 1.0 / (1 + c.ranks()[source])));
            features.add(new Feature(name + "_raw", Scope.SOURCE,
                    (in, c, n) -> Math.log1p(Math.max(0, c.scores()[source]))));
        }
        features.add(new Feature("sources_hit", Scope.SOURCE, (in, c, n) -> {
            int hits = 0;
            for (int rank : c.ranks()) {
                hits += rank >= 0 ? 1 : 0;
            }
            return n == 0 ? 0 : (double) hits / n;
        }));
        features.add(new Feature("item_popularity", Scope.ITEM,
                (in, c, n) -> in.maxLogBuyers() == 0 ? 0 : Math.log1p(c.facts().buyers()) / in.maxLogBuyers()));
        features.add(new Feature("item_heat", Scope.ITEM,
                (in, c, n) -> in.maxLogHeat() == 0 ? 0 : Math.log1p(c.facts().heat()) / in.maxLogHeat()));
        features.add(new Feature("item_trend", Scope.ITEM,
                (in, c, n) -> c.facts().recentHeat() / (c.facts().heat() + 1)));
        features.add(new Feature("item_age", Scope.ITEM, (in, c, n) ->
                Math.min(1, Math.max(0, in.request().at().getEpochSecond() - c.facts().firstSeen()) / (365 * 86_400.0))));
        features.add(new Feature("history_size", Scope.SHOPPER, (in, c, n) -> in.historySize()));
        features.add(new Feature("new_shopper", Scope.SHOPPER,
                (in, c, n) -> in.request().state().hasHistory() ? 0 : 1));
        features.add(new Feature("category_share", Scope.PAIR, (in, c, n) ->
                in.request().state().share(UserState.categoryKey(c.facts().item().category()))));
        features.add(new Feature("top_category_share", Scope.PAIR, (in, c, n) ->
                in.request().state().share(UserState.topCategoryKey(c.facts().item().topCategory()))));
        features.add(new Feature("brand_share", Scope.PAIR, (in, c, n) ->
                in.request().state().share(UserState.brandKey(c.facts().item().brand()))));
        features.add(new Feature("cold_item", Scope.ITEM, (in, c, n) -> 1.0 / (1 + c.facts().buyers())));
        features.add(new Feature("item_freshness", Scope.ITEM, (in, c, n) -> Math.exp(-Math.max(0,
                in.request().at().getEpochSecond() - c.facts().firstSeen()) / (14 * 86_400.0))));
        features.add(new Feature("cold_item_x_match", Scope.PAIR, (in, c, n) -> {
            UserState state = in.request().state();
            CatalogItem item = c.facts().item();
            return (state.share(UserState.categoryKey(item.category()))
                    + state.share(UserState.topCategoryKey(item.topCategory()))
                    + state.share(UserState.brandKey(item.brand()))) / (1 + c.facts().buyers());
        }));
        features.add(new Feature("store_brand_lift", Scope.PAIR, (in, c, n) -> storeBrandLift(in, c)));
        features.add(new Feature("store_brand_lift_x_cold", Scope.PAIR,
                (in, c, n) -> storeBrandLift(in, c) / (1 + c.facts().buyers())));
        features.add(new Feature("category_trend", Scope.ITEM,
                (in, c, n) -> trend(in, c.facts().item().category())));
        features.add(new Feature("top_category_trend", Scope.ITEM,
                (in, c, n) -> trend(in, in.build().topCategory(c.facts().item()))));
        features.add(new Feature("category_trend_x_cold", Scope.ITEM,
                (in, c, n) -> trend(in, c.facts().item().category()) / (1 + c.facts().buyers())));
        features.add(new Feature("price_fit", Scope.PAIR, (in, c, n) -> priceFit(in.meanPriceLog(), c.facts())));
        features.add(new Feature("bought_before", Scope.PAIR,
                (in, c, n) -> in.request().state().purchased().contains(c.itemId()) ? 1 : 0));
        features.add(new Feature("new_shopper_x_popularity", Scope.PAIR, (in, c, n) ->
                in.request().state().hasHistory() || in.maxLogBuyers() == 0 ? 0
                        : Math.log1p(c.facts().buyers()) / in.maxLogBuyers()));
        features.add(new Feature("history_x_popularity", Scope.PAIR, (in, c, n) ->
                in.maxLogBuyers() == 0 ? 0 : in.historySize() * Math.log1p(c.facts().buyers()) / in.maxLogBuyers()));
        return new FeatureRegistry(features);
    }

    /** The log of the lift of the item's brand at the request's store, within [-2, 2]; 0 without one. */
    private static double storeBrandLift(Input in, Candidate c) {
        if (in.brandLift().isEmpty()) {
            return 0;
        }
        CatalogItem item = c.facts().item();
        Map<String, Float> byBrand = in.brandLift().get(in.build().topCategory(item));
        return byBrand == null ? 0 : boundedLog(byBrand.get(item.brand()));
    }

    /** The log of a category's trend, within [-2, 2]; 0 for a category that has not sold. */
    private static double trend(Input in, String category) {
        return boundedLog(in.build().categoryTrend().get(category));
    }

    private static double boundedLog(Float ratio) {
        return ratio == null || ratio <= 0 ? 0 : Math.max(-2, Math.min(2, Math.log(ratio)));
    }

    private static double priceFit(double meanPriceLog, ItemFacts facts) {
        CatalogItem item = facts.item();
        return Double.isNaN(meanPriceLog) || item.price() <= 0 ? 0
                : Math.exp(-Math.abs(Math.log(item.price()) - meanPriceLog));
    }

    public List<String> names() {
        return names;
    }

    /** {@code v<schema>-<hash of the names>}: two registries with the same version compute the same vectors. */
    public String version() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", names).getBytes(StandardCharsets.UTF_8));
            return "v" + SCHEMA + "-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One vector per candidate, in pool order. */
    public List<double[]> vectors(ShopperRequest request, CandidatePool pool, Aggregates aggregates) {
        BuildIndex build = index;
        if (build == null || build.aggregates() != aggregates) {
            build = BuildIndex.of(aggregates);
            index = build;
        }
        Input input = Input.of(request, pool, build);
        int sources = pool.sourceNames().size();
        List<double[]> rows = new ArrayList<>(pool.size());
        for (Candidate candidate : pool.candidates()) {
            double[] row = new double[features.size()];
            for (int f = 0; f < row.length; f++) {
                row[f] = features.get(f).extractor().value(input, candidate, sources);
            }
            rows.add(row);
        }
        return rows;
    }
}
