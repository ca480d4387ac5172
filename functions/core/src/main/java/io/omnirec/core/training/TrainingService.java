package io.omnirec.core.training;

import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.evaluation.MetricsReport;
import io.omnirec.core.ranking.BusinessRules;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.CascadeScorer;
import io.omnirec.core.ranking.FallbackScorer;
import io.omnirec.core.ranking.RankFusionScorer;
import io.omnirec.core.ranking.Scorer;
import io.omnirec.core.ranking.SourceScorer;
import io.omnirec.core.ranking.TopK;
import io.omnirec.core.store.EventHistory;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ModelStore;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Trains the ranker: splits the history per shopper in time, rebuilds the aggregates from the events before the
 * cutoffs, gathers each labelled shopper's candidates from the configured sources, learns P(buy) over the feature
 * registry with Tribuo (logistic regression or a factorization machine), and compares the model on held-out shoppers
 * with every single candidate source and the current champion. The model is written as a new immutable version
 * (Tribuo protobuf, its ONNX export, and the card) and promoted only when it beats the best single source on those
 * shoppers beyond the noise (the 95% confidence interval of the paired difference lies above zero) and is not below
 * the champion.
 */
public final class TrainingService {
    public static final int EVAL_K = 10;
    /** Tribuo's progress-logging interval, in examples: effectively never. */
    private static final int QUIET = Integer.MAX_VALUE;
    private static final Logger LOG = Logger.getLogger(TrainingService.class.getName());
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final EventStore log;
    private final FeatureStore features;
    private final ModelStore models;
    private final Clock clock;

    public TrainingService(EventStore events, FeatureStore features, ModelStore models, Clock clock) {
        this.log = events;
        this.features = features;
        this.models = models;
        this.clock = clock;
    }

    public TrainingOutcome trainAndPromote(TrainingConfig config) {
        Map<String, Long> timings = new LinkedHashMap<>();
        EventHistory events = log.history(clock.instant()).withItems();
        Map<String, CatalogItem> catalog = new HashMap<>();
        features.forEachItem(item -> catalog.put(item.itemId(), item));
        Map<String, Customer> customers = new HashMap<>();
        features.forEachCustomer(c -> customers.put(c.userId(), c));
        ShopperSplit split = timed(timings, "split", () -> ShopperSplit.of(events, catalog, config.holdoutShare(),
                ShopperSplit.Mode.valueOf(config.labelSplit().toUpperCase(java.util.Locale.ROOT)), config.seed()));
        List<String> labelled = new ArrayList<>(split.labels().keySet());
        Collections.sort(labelled);
        Collections.shuffle(labelled, new Random(config.seed()));
        int validationSize = (int) Math.round(labelled.size() * config.validationShare());
        if (catalog.isEmpty() || validationSize < 1 || labelled.size() - validationSize < 1) {
            return new TrainingOutcome("skipped", null, "not enough data: " + labelled.size()
                    + " shoppers bought something new after their cutoff, " + catalog.size()
                    + " catalog items; at least 2 such shoppers are needed");
        }
        CandidateGenerator generator = new CandidateGenerator(config.candidates());
        FeatureRegistry registry = FeatureRegistry.forSources(generator.sourceNames());
        Set<String> validationShoppers = new HashSet<>(labelled.subList(0, Math.min(validationSize,
                config.maxValidationShoppers())));
        Set<String> trainingShoppers = new HashSet<>(labelled.subList(validationSize, Math.min(labelled.size(),
                validationSize + config.maxTrainingShoppers())));
        List<String> algorithms = config.algorithm().equals("auto") ? List.of("pairwise", "fm")
                : List.of(config.algorithm());

        long[] poolHits = new long[2];
        TrainingExamples examples = new TrainingExamples(registry.names().toArray(String[]::new),
                config.negativesPerPositive(), config.seed() ^ 0x5DEECE66DL, algorithms);
        List<TrainingCase> validation = new ArrayList<>();
        // one build of the aggregates per cutoff, each shopper's case made from the build at their cutoff; training
        // shoppers are turned into examples one at a time, so their pools and vectors never pile up
        for (Instant at : split.buildTimes()) {
            Aggregates aggregates = timed(timings, "aggregates", () -> new AggregateBuilder(config.aggregates())
                    .build(split.eventsBefore(events, at), catalog.values(), customers, at));
            timed(timings, "candidates_and_examples", () -> {
                for (String shopper : labelled) {
                    if (!split.cutoffOf(shopper).equals(at)) {
                        continue;
                    }
                    if (trainingShoppers.contains(shopper)) {
                        examples.add(trainingCase(shopper, split, customers, aggregates, generator, registry,
                                poolHits));
                    } else if (validationShoppers.contains(shopper)) {
                        validation.add(trainingCase(shopper, split, customers, aggregates, generator, registry,
                                poolHits));
                    }
                }
                return null;
            });
        }

        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, MetricsReport> reports = new LinkedHashMap<>();
        for (String source : generator.sourceNames()) {
            reports.put(source, evaluate(new SourceScorer(source), validation));
        }
        reports.put("fusion", evaluate(new RankFusionScorer(), validation));
        String algorithm = null;
        RankingModel model = null;
        MetricsReport modelReport = null;
        long trainStart = System.nanoTime();
        long exampleCount = 0;
        for (String candidate : algorithms) {
            MutableDataset<Label> dataset = examples.dataset(candidate);
            RankingModel trained = new RankingModel(trainer(candidate, config).train(dataset), registry.names());
            MetricsReport report = evaluate(trained, config.headDepth(), validation);
            metrics.put(candidate + "_ndcg@10", report.mean("ndcg"));
            if (modelReport == null || report.mean("ndcg") > modelReport.mean("ndcg")) {
                algorithm = candidate;
                model = trained;
                modelReport = report;
                exampleCount = dataset.size();
            }
        }
        timings.put("train_and_validate", (System.nanoTime() - trainStart) / 1_000_000);

        metrics.put("ndcg@10", modelReport.mean("ndcg"));
        metrics.put("ndcg@10_ci95", modelReport.halfWidth("ndcg"));
        metrics.put("precision@10", modelReport.mean("precision"));
        metrics.put("recall@10", modelReport.mean("recall"));
        metrics.put("map@10", modelReport.mean("map"));
        metrics.put("pool_recall", poolHits[1] == 0 ? 0 : (double) poolHits[0] / poolHits[1]);
        String best = null;
        for (Map.Entry<String, MetricsReport> baseline : reports.entrySet()) {
            metrics.put(baseline.getKey() + "_ndcg@10", baseline.getValue().mean("ndcg"));
            if (!baseline.getKey().equals("fusion")
                    && (best == null || baseline.getValue().mean("ndcg") > reports.get(best).mean("ndcg"))) {
                best = baseline.getKey();
            }
        }
        double[] lift = MetricsReport.pairedDifference(modelReport.values("ndcg"), reports.get(best).values("ndcg"));
        metrics.put("best_baseline_ndcg@10", reports.get(best).mean("ndcg"));
        metrics.put("ndcg@10_minus_best_baseline", lift[0]);
        metrics.put("ndcg@10_minus_best_baseline_ci95", lift[1]);
        Optional<Double> championNdcg = championNdcg(registry, validation);
        championNdcg.ifPresent(v -> metrics.put("champion_ndcg@10", v));

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("events", split.events());
        counts.put("catalog_items", (long) catalog.size());
        counts.put("training_examples", exampleCount);
        counts.put("training_shoppers", (long) trainingShoppers.size());
        counts.put("validation_shoppers", (long) validation.size());
        ModelCard card = card(config, algorithm, registry, generator, model, split, counts, metrics, timings);
        ModelArtifact artifact = artifact(card, model);
        models.putVersion(artifact);
        return promoteIfBetter(artifact.card(), modelReport.mean("ndcg"), best, reports.get(best).mean("ndcg"), lift,
                championNdcg);
    }

    private static <T> T timed(Map<String, Long> timings, String step, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        timings.merge(step, (System.nanoTime() - start) / 1_000_000, Long::sum);
        return result;
    }

    private static TrainingCase trainingCase(String shopper, ShopperSplit split, Map<String, Customer> customers,
                                             Aggregates aggregates, CandidateGenerator generator,
                                             FeatureRegistry registry, long[] poolHits) {
        ShopperRequest request = new ShopperRequest(split.stateAtCutoff(shopper),
                Optional.ofNullable(customers.get(shopper)), null, split.cutoffOf(shopper));
        CandidatePool pool = generator.generate(request, aggregates);
        Set<String> labels = split.labels().get(shopper);
        for (Candidate c : pool.candidates()) {
            poolHits[0] += labels.contains(c.itemId()) ? 1 : 0;
        }
        poolHits[1] += labels.size();
        return new TrainingCase(request, aggregates, pool, registry.vectors(request, pool, aggregates), labels);
    }

    private static Trainer<Label> trainer(String algorithm, TrainingConfig config) {
        return switch (algorithm) {
            case "fm" -> new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), config.epochs(), QUIET,
                    config.seed(), config.fmFactors(), 0.1);
            case "pairwise" -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.3, 0.1), config.epochs(), QUIET,
                    config.seed());
            default -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), config.epochs(), QUIET,
                    config.seed());
        };
    }

    private static MetricsReport evaluate(Scorer scorer, List<TrainingCase> cases) {
        return evaluate(c -> scorer.score(c.request(), c.pool(), c.aggregates()), cases);
    }

    /** The model as recommend serves it: ordering the fallback chain's first {@code headDepth} candidates. */
    private static MetricsReport evaluate(RankingModel model, int headDepth, List<TrainingCase> cases) {
        FallbackScorer chain = new FallbackScorer(FallbackScorer.DEFAULT_CHAIN);
        return evaluate(c -> c.pool().size() == 0 ? new double[0] : CascadeScorer.headFirst(model.score(c.vectors()),
                chain.score(c.request(), c.pool(), c.aggregates()), shown(c), headDepth), cases);
    }

    /** Which of a case's candidates recommend may show, as {@link #evaluate(java.util.function.Function, List)} ranks. */
    private static boolean[] shown(TrainingCase c) {
        java.util.function.Predicate<Candidate> eligible = BusinessRules.eligible(c.request(), c.aggregates());
        boolean[] shown = new boolean[c.pool().size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = eligible.test(c.pool().candidates().get(i));
        }
        return shown;
    }

    private static MetricsReport evaluate(java.util.function.Function<TrainingCase, double[]> scoring, List<TrainingCase> cases) {
        MetricsReport report = new MetricsReport(EVAL_K);
        for (TrainingCase c : cases) {
            double[] scores = scoring.apply(c);
            List<String> ranked = TopK.select(c.pool(), scores, BusinessRules.eligible(c.request(), c.aggregates()), EVAL_K).stream()
                    .map(s -> s.candidate().itemId()).toList();
            report.add(ranked, c.labels(), (a, b) -> 0.0);
        }
        return report;
    }

    private Optional<Double> championNdcg(FeatureRegistry registry, List<TrainingCase> validation) {
        try {
            Optional<ModelArtifact> champion = models.champion().flatMap(models::load).map(ModelArtifact::verify)
                    .filter(a -> a.card().featureSet().names().equals(registry.names()));
            return champion.map(c -> evaluate(RankingModel.fromBytes(c.modelBytes(), registry.names()),
                    ModelLoader.headDepth(c.card()), validation).mean("ndcg"));
        } catch (CorruptModelException e) {
            LOG.warning("ignoring the current champion in the comparison: " + e.getMessage());
            return Optional.empty();
        }
    }

    private ModelCard card(TrainingConfig config, String algorithm, FeatureRegistry registry,
                           CandidateGenerator generator, RankingModel model, ShopperSplit split,
                           Map<String, Long> counts, Map<String, Double> metrics, Map<String, Long> timings) {
        Map<String, String> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("algorithm", config.algorithm());
        hyperparameters.put("epochs", String.valueOf(config.epochs()));
        hyperparameters.put("fm_factors", String.valueOf(config.fmFactors()));
        hyperparameters.put("label_split", config.labelSplit());
        hyperparameters.put("holdout_share", String.valueOf(config.holdoutShare()));
        hyperparameters.put("validation_share", String.valueOf(config.validationShare()));
        hyperparameters.put("max_training_shoppers", String.valueOf(config.maxTrainingShoppers()));
        hyperparameters.put("max_validation_shoppers", String.valueOf(config.maxValidationShoppers()));
        hyperparameters.put("negatives_per_positive", String.valueOf(config.negativesPerPositive()));
        hyperparameters.put("aggregates", config.aggregates().toString());
        hyperparameters.put("candidates", config.candidates().limits().toString());
        hyperparameters.put(ModelLoader.HEAD_DEPTH, String.valueOf(config.headDepth()));
        Instant now = clock.instant();
        String description = switch (algorithm) {
            case "fm" -> "pointwise tribuo FMClassificationTrainer(LogMulticlass, AdaGrad(0.1, 0.1), factors="
                    + config.fmFactors() + ")";
            case "pairwise" -> "pairwise tribuo LinearSGDTrainer(LogMulticlass, AdaGrad(0.3, 0.1)) on candidate "
                    + "vector differences";
            default -> "pointwise tribuo LinearSGDTrainer(LogMulticlass, AdaGrad(1.0, 0.1))";
        };
        return new ModelCard(ModelCard.SCHEMA_VERSION, null, now, description, hyperparameters, config.seed(),
                new ModelCard.FeatureSet(registry.version(), registry.names()), generator.sourceNames(),
                new ModelCard.Tribuo(org.tribuo.Tribuo.VERSION, model.tribuoModel().getProvenance().toString()),
                new ModelCard.DataWindow(split.from(), split.to()), counts, metrics, timings, Map.of());
    }

    /** The card with its version and artifacts filled in, and the artifacts' bytes. */
    private static ModelArtifact artifact(ModelCard draft, RankingModel model) {
        byte[] tribuo = model.toBytes();
        byte[] onnx = ((ONNXExportable) model.tribuoModel()).exportONNXModel("io.omnirec", 1L).toByteArray();
        // Tribuo stamps its training time into the model bytes, so the version hashes what the model learnt from
        String learnt = draft.hyperparameters() + "|" + draft.seed() + "|" + draft.featureSet() + "|" + draft.counts()
                + "|" + draft.metrics() + "|" + draft.dataWindow();
        String version = VERSION_TIME.format(draft.createdAt()) + "-"
                + ModelArtifact.sha256(learnt.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
        Map<String, ModelCard.Artifact> artifacts = new LinkedHashMap<>();
        artifacts.put(ModelCard.MODEL, ModelArtifact.describe("model.tribuo", "tribuo-protobuf", tribuo));
        artifacts.put(ModelCard.ONNX, ModelArtifact.describe("model.onnx", "onnx", onnx));
        Map<String, byte[]> files = new LinkedHashMap<>(Map.of(ModelCard.MODEL, tribuo, ModelCard.ONNX, onnx));
        model.compiled().ifPresent(compiled -> {
            byte[] scorer = compiled.toBytes();
            artifacts.put(ModelCard.SCORER, ModelArtifact.describe("scorer.json", CompiledScorer.FORMAT, scorer));
            files.put(ModelCard.SCORER, scorer);
        });
        ModelCard card = new ModelCard(draft.schemaVersion(), version, draft.createdAt(), draft.algorithm(),
                draft.hyperparameters(), draft.seed(), draft.featureSet(), draft.candidateSources(), draft.tribuo(),
                draft.dataWindow(), draft.counts(), draft.metrics(), draft.timingsMillis(), artifacts);
        return new ModelArtifact(card, files);
    }

    /**
     * A model that ties the best single source is not promoted: recommend then serves the fallback chain, which that
     * source leads or follows closely, and a tie within the noise of a few hundred shoppers is as likely a loss.
     */
    private TrainingOutcome promoteIfBetter(ModelCard card, double modelNdcg, String best, double bestNdcg,
                                            double[] lift, Optional<Double> championNdcg) {
        if (lift[0] - lift[1] <= 0) {
            return new TrainingOutcome("not_promoted", card, String.format(
                    "nDCG@10 %.4f is not above the best single source (%s) at %.4f beyond the noise: difference "
                            + "%.4f +- %.4f (95%%)", modelNdcg, best, bestNdcg, lift[0], lift[1]));
        }
        if (championNdcg.isPresent() && modelNdcg < championNdcg.get()) {
            return new TrainingOutcome("not_promoted", card, String.format(
                    "nDCG@10 %.4f is below the champion's %.4f", modelNdcg, championNdcg.get()));
        }
        models.promote(card.version());
        LOG.info("promoted model " + card.version());
        return new TrainingOutcome("promoted", card, String.format(
                "nDCG@10 %.4f vs best single source (%s) %.4f", modelNdcg, best, bestNdcg));
    }
}
