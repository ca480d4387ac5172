package io.omnirec.recommend;

import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.ExperimentReport;
import io.omnirec.core.experiments.ExperimentService;
import io.omnirec.core.training.ModelCatalog;
import io.omnirec.core.experiments.VariantTally;
import io.omnirec.core.ranking.Diversity;
import io.omnirec.core.ranking.Exploration;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.ListShape;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.core.ranking.Reranked;
import io.omnirec.core.ranking.SimilarItems;
import io.omnirec.core.ranking.SimilarItemsService;
import io.omnirec.core.ranking.StockCache;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ModelStore;
import io.omnirec.runtime.AfterResponse;
import io.omnirec.runtime.OmnirecConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/** Wires the core's recommendation service to the feature store, the cached aggregates and the champion model. */
@ApplicationScoped
@RegisterForReflection(targets = {Recommendations.class, Recommendations.RecommendedItem.class, SimilarItems.class,
    SimilarItems.RelatedItem.class, Reranked.class, Reranked.Removed.class, Experiment.class, ExperimentReport.class,
    ExperimentReport.VariantReport.class, ExperimentReport.Comparison.class, VariantTally.PositionTally.class})
public class RecommendBeans {
    private static final Logger LOG = Logger.getLogger(RecommendBeans.class.getName());

    @Produces
    @Singleton
    CandidateGenerator candidates() {
        return new CandidateGenerator(CandidateConfig.defaults());
    }

    @Produces
    @Singleton
    FeatureRegistry features(CandidateGenerator candidates) {
        return FeatureRegistry.forSources(candidates.sourceNames());
    }

    /** The stock of each place shoppers are served from, shared by recommendations and item pages. */
    @Produces
    @Singleton
    StockCache stock(Clock clock, OmnirecConfig config) {
        return new StockCache(Duration.ofSeconds(config.stockRefreshSeconds()), clock);
    }

    /**
     * Work after the answer (the impression write and the metrics document): on Lambda an internal extension,
     * registered here during init, as the Extensions API requires; elsewhere at once.
     */
    @Produces
    @Singleton
    AfterResponse afterResponse(OmnirecConfig config) {
        String runtimeApi = System.getenv("AWS_LAMBDA_RUNTIME_API");
        return config.impressionsAfterResponse() && runtimeApi != null
                ? AfterResponse.register(runtimeApi, "omnirec-after-response") : AfterResponse.inline();
    }

    void registerDuringInit(@Observes StartupEvent event, AfterResponse afterResponse) {
        LOG.fine(() -> "impressions and metrics after the answer: " + afterResponse.deferring());
    }

    @Produces
    @Singleton
    RecommendationService recommendations(FeatureStore features, CachedAggregates aggregates,
                                          CandidateGenerator candidates, ServingModels models,
                                          ImpressionStore impressions, Clock clock, OmnirecConfig config,
                                          StockCache stock, AfterResponse afterResponse) {
        return new RecommendationService(features, aggregates, candidates, models,
                new AfterResponseImpressions(impressions, afterResponse),
                () -> UUID.randomUUID().toString(), clock, new ListShape(new Diversity(config.maxPerCategory()),
                        Exploration.withShare(config.explorationShare())), stock);
    }

    @Produces
    @Singleton
    ModelCatalog catalog(ModelStore models) {
        return new ModelCatalog(models);
    }

    @Produces
    @Singleton
    ExperimentService experiments(ModelStore models, ImpressionStore impressions, Clock clock) {
        return new ExperimentService(models, impressions, clock);
    }

    @Produces
    @Singleton
    SimilarItemsService similarItems(CachedAggregates aggregates, FeatureStore features, StockCache stock) {
        return new SimilarItemsService(aggregates, () -> UUID.randomUUID().toString(),
                place -> stock.get(place, features::loadStock));
    }
}
