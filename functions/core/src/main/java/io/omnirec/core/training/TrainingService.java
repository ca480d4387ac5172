package io.omnirec.core.training;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.PopularityService;
import io.omnirec.core.features.UserState;
import io.omnirec.core.ranking.PopularityScorer;
import io.omnirec.core.ranking.RankingFeatures;
import io.omnirec.core.ranking.Scorer;
import io.omnirec.core.ranking.TopK;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ModelStore;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

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
import java.util.logging.Logger;

/**
 * Trains a ranking model from the stored events, writes it as a new immutable version and promotes it when, on
 * held-out shoppers, it is at least as good as popularity and the current champion. Ends by rebuilding the
 * popularity list from the latest counters.
 */
public final class TrainingService {
    public static final int EVAL_K = 10;
    /** Tribuo's progress-logging interval, in examples: effectively never. */
    private static final int QUIET = Integer.MAX_VALUE;
    private static final Logger LOG = Logger.getLogger(TrainingService.class.getName());
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final EventStore events;
    private final FeatureStore features;
    private final ModelStore models;
    private final PopularityService popularity;
    private final Clock clock;

    public TrainingService(EventStore events, FeatureStore features, ModelStore models, Clock clock) {
        this.events = events;
        this.features = features;
        this.models = models;
        this.popularity = new PopularityService(features);
        this.clock = clock;
    }

    public TrainingOutcome trainAndPromote(TrainingConfig config) {
        Map<String, CatalogItem> catalog = new HashMap<>();
        features.forEachItem(item -> catalog.put(item.itemId(), item));
        TrainingOutcome outcome = train(config, catalog);
        popularity.refresh(catalog.values());
        return outcome;
    }

    private TrainingOutcome train(TrainingConfig config, Map<String, CatalogItem> catalog) {
        List<ShopperEvent> all = new ArrayList<>();
        events.forEach(all::add);
        if (all.size() < 2 || catalog.isEmpty()) {
            return new TrainingOutcome("skipped", null, "not enough data: " + all.size() + " events, "
                    + catalog.size() + " catalog items");
        }
        History history = History.split(all, catalog, config.cutoffQuantile());
        List<ItemSnapshot> pool = PopularityService.rank(catalog.values(), history.items(),
                FeatureStore.MAX_POPULAR_ITEMS);
        List<String> labelled = labelledShoppers(history, pool);
        Collections.shuffle(labelled, new Random(config.seed()));
        int validationSize = (int) Math.round(labelled.size() * config.validationShare());
        if (validationSize < 1 || labelled.size() - validationSize < 1) {
            return new TrainingOutcome("skipped", null, "not enough data: " + labelled.size()
                    + " shoppers bought something new after the cutoff; at least 2 are needed");
        }
        List<String> validation = labelled.subList(0, validationSize);
        List<String> training = labelled.subList(validationSize, labelled.size());

        MutableDataset<Label> dataset = dataset(history, pool, training, config);
        Model<Label> trained = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), config.epochs(),
                QUIET, config.seed()).train(dataset);
        RankingModel model = new RankingModel(trained);

        Map<String, Double> metrics = new LinkedHashMap<>();
        double modelNdcg = evaluate(new ModelScorer(model), history, pool, validation);
        double popularityNdcg = evaluate(new PopularityScorer(), history, pool, validation);
        metrics.put("ndcg@10", modelNdcg);
        metrics.put("popularity_ndcg@10", popularityNdcg);
        Optional<ModelArtifact> champion = currentChampion();
        champion.ifPresent(c -> metrics.put("champion_ndcg@10",
                evaluate(new ModelScorer(RankingModel.fromBytes(c.modelBytes())), history, pool, validation)));

        byte[] bytes = model.toBytes();
        String sha = ModelArtifact.sha256(bytes);
        Instant now = clock.instant();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("events", history.events());
        counts.put("catalog_items", (long) catalog.size());
        counts.put("training_examples", (long) dataset.size());
        counts.put("training_shoppers", (long) training.size());
        counts.put("validation_shoppers", (long) validation.size());
        ModelCard card = new ModelCard(VERSION_TIME.format(now) + "-" + sha.substring(0, 8), now, ModelCard.FORMAT,
                "tribuo LinearSGDTrainer(LogMulticlass, AdaGrad(1.0, 0.1), epochs=" + config.epochs() + ")",
                config.seed(), RankingFeatures.NAMES, history.from(), history.cutoff(), history.to(), counts, metrics,
                sha, bytes.length);
        models.putVersion(new ModelArtifact(card, bytes));
        return promoteIfNotWorse(card, modelNdcg, popularityNdcg, metrics.get("champion_ndcg@10"));
    }

    private TrainingOutcome promoteIfNotWorse(ModelCard card, double modelNdcg, double popularityNdcg,
                                              Double championNdcg) {
        if (modelNdcg < popularityNdcg) {
            return new TrainingOutcome("not_promoted", card, String.format(
                    "nDCG@10 %.4f is below popularity's %.4f", modelNdcg, popularityNdcg));
        }
        if (championNdcg != null && modelNdcg < championNdcg) {
            return new TrainingOutcome("not_promoted", card, String.format(
                    "nDCG@10 %.4f is below the champion's %.4f", modelNdcg, championNdcg));
        }
        models.promote(card.version());
        LOG.info("promoted model " + card.version());
        return new TrainingOutcome("promoted", card, String.format(
                "nDCG@10 %.4f vs popularity %.4f", modelNdcg, popularityNdcg));
    }

    private Optional<ModelArtifact> currentChampion() {
        try {
            return models.champion().flatMap(models::load).map(ModelArtifact::verify)
                    .filter(a -> a.card().featureNames().equals(RankingFeatures.NAMES));
        } catch (CorruptModelException e) {
            LOG.warning("ignoring the current champion in the comparison: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> labelledShoppers(History history, List<ItemSnapshot> pool) {
        Set<String> poolIds = new HashSet<>();
        pool.forEach(s -> poolIds.add(s.itemId()));
        return history.futurePurchases().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(poolIds::contains))
                .map(Map.Entry::getKey)
                .sorted()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static MutableDataset<Label> dataset(History history, List<ItemSnapshot> pool, List<String> shoppers,
                                                 TrainingConfig config) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("omnirec events",
                history.cutoff().atOffset(ZoneOffset.UTC), labels), labels);
        Label buy = new Label(RankingModel.BUY);
        Label skip = new Label(RankingModel.SKIP);
        Random random = new Random(config.seed() ^ 0x5DEECE66DL);
        for (String shopper : shoppers) {
            UserState user = history.users().getOrDefault(shopper, UserState.empty(shopper));
            Set<String> bought = history.futurePurchases().get(shopper);
            List<double[]> rows = RankingFeatures.compute(user, pool);
            List<Integer> negatives = new ArrayList<>();
            int positives = 0;
            for (int i = 0; i < pool.size(); i++) {
                String id = pool.get(i).itemId();
                if (bought.contains(id)) {
                    dataset.add(new ArrayExample<>(buy, RankingModel.FEATURE_NAMES, rows.get(i)));
                    positives++;
                } else if (!user.purchased().contains(id)) {
                    negatives.add(i);
                }
            }
            Collections.shuffle(negatives, random);
            for (int n = 0; n < Math.min(negatives.size(), positives * config.negativesPerPositive()); n++) {
                dataset.add(new ArrayExample<>(skip, RankingModel.FEATURE_NAMES, rows.get(negatives.get(n))));
            }
        }
        return dataset;
    }

    private static double evaluate(Scorer scorer, History history, List<ItemSnapshot> pool, List<String> shoppers) {
        double sum = 0;
        for (String shopper : shoppers) {
            UserState user = history.users().getOrDefault(shopper, UserState.empty(shopper));
            List<String> ranked = TopK.select(pool, scorer.score(user, pool), user.purchased(), EVAL_K).stream()
                    .map(s -> s.candidate().itemId())
                    .toList();
            sum += RankingMetrics.ndcg(ranked, history.futurePurchases().get(shopper), EVAL_K);
        }
        return sum / shoppers.size();
    }
}
