package io.omnirec.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportReport;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.imports.InteractionImport;
import io.omnirec.core.ingest.EventJson;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.HistoryWriter;
import io.omnirec.core.ingest.StateRebuild;
import io.omnirec.core.store.memory.InMemoryRebuildQueue;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.ListShape;
import io.omnirec.core.ranking.ModelRouter;
import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.StockCache;
import io.omnirec.core.store.memory.InMemoryAggregateStore;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.training.ModelLoader;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingOutcome;
import io.omnirec.core.training.TrainingService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Omnirec on one machine: the production services (import, ingest, the aggregates job, training, recommend) over
 * in-memory stores, with a clock the caller sets to the data's "now".
 */
final class Pipeline {
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final InMemoryModelStore models = new InMemoryModelStore();
    final InMemoryAggregateStore aggregates = new InMemoryAggregateStore();
    final InMemoryImpressionStore impressions = new InMemoryImpressionStore();
    private Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    void setNow(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    Clock clock() {
        return clock;
    }

    ImportReport importCsv(ImportKind kind, String csv) {
        return new ImportService(features).importFile(kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** The history import of the features function: rows stored in bulk, each shopper then rebuilt from the log. */
    InteractionImport historyImport() {
        IngestService identifies = new IngestService(events, features, impressions, EventValidator.historical(clock));
        return new InteractionImport(new HistoryWriter(EventValidator.historical(clock), identifies, events,
                impressions, new InMemoryRebuildQueue(), new StateRebuild(events, features), Runnable::run, clock,
                IngestService.DEFAULT_LEASE));
    }

    /** Sends the events through the ingest service in batches of 100; returns how many were accepted. */
    long ingest(List<ShopperEvent> history) {
        IngestService ingest = new IngestService(events, features, impressions, EventValidator.historical(clock));
        long accepted = 0;
        for (int from = 0; from < history.size(); from += 100) {
            List<JsonNode> batch = new ArrayList<>();
            for (ShopperEvent event : history.subList(from, Math.min(history.size(), from + 100))) {
                batch.add(EventJson.toNode(event));
            }
            for (EventResult result : ingest.ingest(batch)) {
                accepted += result.status() == EventResult.Status.ACCEPTED ? 1 : 0;
            }
        }
        return accepted;
    }

    Aggregates buildAggregates(AggregateConfig config) {
        return new AggregatesJob(events, features, aggregates, new AggregateBuilder(config), clock).run();
    }

    /** The same build kept apart from the store, so that what recommend serves does not change. */
    Aggregates buildDetachedAggregates(AggregateConfig config) {
        return new AggregatesJob(events, features, new InMemoryAggregateStore(), new AggregateBuilder(config), clock)
                .run();
    }

    TrainingOutcome train(TrainingConfig config) {
        return new TrainingService(events, features, models, clock).trainAndPromote(config);
    }

    /** The champion as recommend loads it, or none. */
    ActiveModel activeModel(CandidateConfig config) {
        FeatureRegistry registry = FeatureRegistry.forSources(new CandidateGenerator(config).sourceNames());
        return models.champion().flatMap(version -> ModelLoader.load(models, version))
                .map(artifact -> ModelLoader.serve(artifact, registry))
                .orElse(ActiveModel.none("no_model"));
    }

    /** Recommend as the function does: the latest aggregates, the champion model, the configured sources. */
    RecommendationService recommender(CandidateConfig config) {
        return recommender(config, ListShape.DEFAULT);
    }

    /** The same with a given diversity cap and exploration. */
    RecommendationService recommender(CandidateConfig config, ListShape shape) {
        CandidateGenerator generator = new CandidateGenerator(config);
        ActiveModel model = activeModel(config);
        Aggregates current = aggregates.latest().orElseThrow();
        AtomicLong ids = new AtomicLong();
        return new RecommendationService(features, () -> current, generator, ModelRouter.championOnly(() -> model),
                impressions, () -> "eval-" + ids.incrementAndGet(), clock, shape, StockCache.none(clock));
    }
}
