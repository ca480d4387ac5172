package io.omnirec.eval;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.evaluation.MetricsReport;
import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.BusinessRules;
import io.omnirec.core.ranking.ListShape;
import io.omnirec.core.ranking.FallbackScorer;
import io.omnirec.core.ranking.RankFusionScorer;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Scorer;
import io.omnirec.core.ranking.SourceScorer;
import io.omnirec.core.ranking.TopK;
import io.omnirec.core.store.ShopperContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Measures Omnirec (through {@link RecommendationService}, as the recommend function calls it) and single-source
 * baselines on the same shoppers, with the same aggregates and the same business rules, in one run.
 */
final class Evaluator {
    static final int K = 10;

    private Evaluator() {
    }

    /**
     * @param relevant  per shopper the items that count as hits
     * @param baselines candidate sources to report alone, by row name
     */
    static Map<String, MetricsReport> run(Pipeline pipeline, CandidateConfig candidates,
                                          Map<String, Set<String>> relevant, Map<String, CatalogItem> catalog,
                                          Map<String, String> baselines, ListShape shape) {
        return run(pipeline, candidates, relevant, catalog, baselines, null, shape);
    }

    /**
     * @param only when not {@code null}, every system ranks only these items (e.g. new items), and Omnirec is scored
     *             with the scorer recommend would use rather than through the service, which cannot filter
     * @param shape     the diversity cap and exploration Omnirec's lists are served under (the single-source rows have
     *                  neither; when ranking only {@code only}, exploration does not apply)
     */
    static Map<String, MetricsReport> run(Pipeline pipeline, CandidateConfig candidates,
                                          Map<String, Set<String>> relevant, Map<String, CatalogItem> catalog,
                                          Map<String, String> baselines, Set<String> only, ListShape shape) {
        RecommendationService omnirec = pipeline.recommender(candidates, shape);
        ActiveModel model = pipeline.activeModel(candidates);
        Scorer served = model.scorer().orElse(new FallbackScorer(FallbackScorer.DEFAULT_CHAIN));
        CandidateGenerator generator = new CandidateGenerator(candidates);
        Aggregates aggregates = pipeline.aggregates.latest().orElseThrow();
        Map<String, Scorer> scorers = new LinkedHashMap<>();
        baselines.forEach((row, source) -> scorers.put(row, new SourceScorer(source)));
        scorers.put("rank fusion of all sources (no model)", new RankFusionScorer());
        scorers.put("fallback chain (no model)", new FallbackScorer(FallbackScorer.DEFAULT_CHAIN));
        Map<String, MetricsReport> reports = new LinkedHashMap<>();
        reports.put("omnirec", new MetricsReport(K));
        scorers.keySet().forEach(name -> reports.put(name, new MetricsReport(K)));
        BiFunction<String, String, Double> differentCategory = differentCategory(catalog);
        for (Map.Entry<String, Set<String>> shopper : new TreeMap<>(relevant).entrySet()) {
            ShopperRequest request = request(pipeline, shopper.getKey());
            CandidatePool pool = generator.generate(request, aggregates);
            Predicate<Candidate> eligible = only == null ? BusinessRules.eligible(request, aggregates)
                    : BusinessRules.eligible(request, aggregates).and(c -> only.contains(c.itemId()));
            List<String> ranked = new ArrayList<>();
            if (only == null) {
                omnirec.recommend(shopper.getKey(), K).items().forEach(item -> ranked.add(item.itemId()));
            } else {
                TopK.select(pool, served.score(request, pool, aggregates, eligible), eligible, K, shape.diversity())
                        .forEach(s -> ranked.add(s.candidate().itemId()));
            }
            reports.get("omnirec").add(ranked, shopper.getValue(), differentCategory);
            for (Map.Entry<String, Scorer> scorer : scorers.entrySet()) {
                List<String> baseline = TopK.select(pool, scorer.getValue().score(request, pool, aggregates),
                        eligible, K).stream().map(s -> s.candidate().itemId()).toList();
                reports.get(scorer.getKey()).add(baseline, shopper.getValue(), differentCategory);
            }
        }
        return reports;
    }

    /** One candidate source alone on other aggregates (e.g. built with other settings), under the same rules. */
    static MetricsReport source(Pipeline pipeline, CandidateConfig candidates, Map<String, Set<String>> relevant,
                                Map<String, CatalogItem> catalog, Aggregates aggregates, String source) {
        CandidateGenerator generator = new CandidateGenerator(candidates);
        Scorer scorer = new SourceScorer(source);
        MetricsReport report = new MetricsReport(K);
        BiFunction<String, String, Double> differentCategory = differentCategory(catalog);
        for (Map.Entry<String, Set<String>> shopper : new TreeMap<>(relevant).entrySet()) {
            ShopperRequest request = request(pipeline, shopper.getKey());
            CandidatePool pool = generator.generate(request, aggregates);
            List<String> ranked = TopK.select(pool, scorer.score(request, pool, aggregates),
                    BusinessRules.eligible(request, aggregates), K).stream().map(s -> s.candidate().itemId()).toList();
            report.add(ranked, shopper.getValue(), differentCategory);
        }
        return report;
    }

    /** The request recommend would build for the shopper now: their stored state and profile, no context. */
    private static ShopperRequest request(Pipeline pipeline, String userId) {
        ShopperContext context = pipeline.features.loadShopperContext(userId);
        return new ShopperRequest(context.state(), context.profile(), null, pipeline.clock().instant());
    }

    /** Intra-list diversity's distance: 1 for two items of different categories. */
    private static BiFunction<String, String, Double> differentCategory(Map<String, CatalogItem> catalog) {
        return (a, b) -> catalog.get(a).category().equals(catalog.get(b).category()) ? 0.0 : 1.0;
    }
}
