package io.omnirec.eval;

import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.evaluation.MetricsReport;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.ranking.Diversity;
import io.omnirec.core.ranking.Exploration;
import io.omnirec.core.ranking.ListShape;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code omnirec-eval synthetic --shoppers N}: the synthetic retail generator's world, split in time (the first 80%
 * of the days train, what shoppers buy in the last 20% is relevant; a durable bought before the split is not, a
 * consumable bought again is), through the production code, beside popularity, segment popularity and
 * co-occurrence. Reported for all items and for new items only (fewer than 3 buyers before the split; every system
 * then ranks only those).
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
        description = "Evaluate on the seeded synthetic retail world, all items and new items only.")
final class SyntheticCommand implements Callable<Integer> {
    static final int NEW_ITEM_MAX_BUYERS = 3;

    @Option(names = "--shoppers", defaultValue = "2000")
    int shoppers;

    @Option(names = "--items", description = "catalog size (default: shoppers / 4, at least 200)")
    Integer items;

    @Option(names = "--days", defaultValue = "90")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated world and of training")
    long seed;

    @Option(names = "--validation", description = "never read the evaluation period: train on the first 64% of the "
            + "days and evaluate on the next 16% (the events of the last 20% are dropped); for choosing settings")
    boolean validation;

    @Option(names = "--max-per-category", description = "Omnirec's diversity cap: items of one leaf category per "
            + "list, 0 for none (default: the product's default)")
    Integer maxPerCategory;

    @Option(names = "--exploration", description = "Omnirec's exploration share: slots per list kept for new items, "
            + "0 for none (default: the product's default, 0.1)")
    Double exploration;

    @Option(names = "--head-depth", defaultValue = "" + TrainingConfig.DEFAULT_HEAD_DEPTH,
            description = "the model orders this many of the fallback chain's first candidates; 0: the whole pool")
    int headDepth;

    @Option(names = "--ease-lambda", defaultValue = "" + AggregateConfig.DEFAULT_EASE_LAMBDA)
    double easeLambda;

    @Option(names = "--ease-penalty", defaultValue = "" + AggregateConfig.DEFAULT_EASE_PENALTY,
            description = "EASE's regularisation per shopper of an item; 0: plain EASE")
    double easePenalty;

    @Option(names = "--json", description = "also write both reports as JSON: FILE and FILE with .new-items before "
            + "the extension")
    Path json;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Instant first = Instant.parse("2026-06-01T00:00:00Z");
        int catalogSize = items != null ? items : Math.max(200, shoppers / 4);
        SyntheticDataset data = new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(seed, shoppers,
                catalogSize, days, first, 10)).generate();
        Instant evaluationStart = first.plus(Duration.ofSeconds((long) (days * 0.8 * 86_400)));
        Instant cutoff = validation ? first.plus(Duration.ofSeconds((long) (days * 0.64 * 86_400))) : evaluationStart;
        List<ShopperEvent> train = new ArrayList<>();
        List<ShopperEvent> later = new ArrayList<>();
        data.events().stream().filter(e -> !validation || e.timestamp().isBefore(evaluationStart))
                .forEach(e -> (e.timestamp().isBefore(cutoff) ? train : later).add(e));

        Map<String, CatalogItem> catalog = new LinkedHashMap<>();
        data.items().forEach(i -> catalog.put(i.itemId(), i));
        Map<String, Set<String>> bought = new HashMap<>();
        Map<String, Set<String>> buyers = new HashMap<>();
        for (ShopperEvent e : train) {
            if (e.type() == EventType.PURCHASE) {
                bought.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.itemId());
                buyers.computeIfAbsent(e.itemId(), u -> new HashSet<>()).add(e.userId());
            }
        }
        Set<String> newItems = new HashSet<>();
        catalog.keySet().forEach(id -> {
            if (buyers.getOrDefault(id, Set.of()).size() < NEW_ITEM_MAX_BUYERS) {
                newItems.add(id);
            }
        });
        Map<String, Set<String>> relevant = new HashMap<>();
        Map<String, Set<String>> relevantNew = new HashMap<>();
        for (ShopperEvent e : later) {
            boolean repeatDurable = !catalog.get(e.itemId()).consumable()
                    && bought.getOrDefault(e.userId(), Set.of()).contains(e.itemId());
            if (e.type() == EventType.PURCHASE && !repeatDurable) {
                relevant.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.itemId());
                if (newItems.contains(e.itemId())) {
                    relevantNew.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.itemId());
                }
            }
        }

        Pipeline pipeline = new Pipeline();
        pipeline.setNow(cutoff);
        pipeline.importCsv(ImportKind.CATALOG, data.catalogCsv());
        pipeline.importCsv(ImportKind.CUSTOMERS, data.customersCsv());
        long accepted = pipeline.ingest(train);
        long ingested = System.nanoTime();
        TrainingConfig base = TrainingConfig.defaults(seed).withHeadDepth(headDepth);
        AggregateConfig ease = base.aggregates();
        TrainingConfig config = base.withAggregates(ease.withEase(ease.easeMaxItems(), easeLambda, easePenalty,
                ease.easeNeighbours()));
        TrainingOutcome outcome = pipeline.train(config);
        long trained = System.nanoTime();
        pipeline.buildAggregates(config.aggregates());

        Map<String, String> baselines = new LinkedHashMap<>();
        baselines.put("popularity (distinct buyers)", "popular");
        baselines.put("segment popularity", "segment");
        baselines.put("co-occurrence", "cooccurrence");
        baselines.put("store popularity", "store");
        baselines.put("EASE", "ease");
        baselines.put("content similarity", "content");
        baselines.put("new arrivals", "new");
        baselines.put("new arrivals matched to the shopper", "new_for_you");
        baselines.put("restock reminders", "replenish");
        ListShape shape = new ListShape(maxPerCategory == null ? Diversity.DEFAULT : new Diversity(maxPerCategory),
                exploration == null ? Exploration.DEFAULT : Exploration.withShare(exploration));
        Map<String, MetricsReport> all = Evaluator.run(pipeline, config.candidates(), relevant, catalog, baselines,
                shape);
        Map<String, MetricsReport> fresh = Evaluator.run(pipeline, config.candidates(), relevantNew, catalog,
                baselines, newItems, shape);
        long evaluated = System.nanoTime();

        for (boolean onlyNew : new boolean[] {false, true}) {
            Comparison comparison = new Comparison("Synthetic retail, " + shoppers + " shoppers, " + catalogSize
                    + " items, " + days + " days, seed " + seed + ", split at day " + (int) (days * (validation ? 0.64
                    : 0.8)) + (validation ? " (validation: the last 20% of the days are not read)" : "") + ", k = 10, "
                    + (onlyNew ? "NEW ITEMS ONLY (fewer than " + NEW_ITEM_MAX_BUYERS + " buyers before the split: "
                    + newItems.size() + " items)" : "all items"), catalog.size());
            comparison.fact("train events ingested", accepted + " of " + train.size());
            comparison.fact("evaluated shoppers", (onlyNew ? relevantNew : relevant).size());
            comparison.fact("omnirec diversity cap (items per leaf category)", shape.diversity().maxPerCategory());
            comparison.fact("omnirec exploration share", shape.exploration().share());
            comparison.fact("model", outcome.status() + ": " + outcome.reason());
            if (outcome.card() != null) {
                comparison.fact("model algorithm", outcome.card().algorithm());
                comparison.fact("model counts", outcome.card().counts());
                comparison.fact("model validation metrics", outcome.card().metrics());
            }
            comparison.fact("seconds: ingest / train / evaluate", String.format("%.1f / %.1f / %.1f",
                    (ingested - start) / 1e9, (trained - ingested) / 1e9, (evaluated - trained) / 1e9));
            Map<String, MetricsReport> reports = onlyNew ? fresh : all;
            reports.forEach(comparison::add);
            double best = 0;
            String bestName = null;
            for (String name : baselines.keySet()) {
                if (reports.get(name).mean("ndcg") > best) {
                    best = reports.get(name).mean("ndcg");
                    bestName = name;
                }
            }
            comparison.fact("omnirec nDCG@10 / best single baseline (" + bestName + ")",
                    String.format("%.2fx", reports.get("omnirec").mean("ndcg") / best));
            comparison.print(System.out);
            if (json != null) {
                String name = json.getFileName().toString();
                int dot = name.lastIndexOf('.');
                Path file = !onlyNew ? json : json.resolveSibling(dot < 0 ? name + ".new-items"
                        : name.substring(0, dot) + ".new-items" + name.substring(dot));
                comparison.writeJson(file);
            }
        }
        return 0;
    }
}
