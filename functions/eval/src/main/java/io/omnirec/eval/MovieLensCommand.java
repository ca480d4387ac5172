package io.omnirec.eval;

import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.evaluation.MetricsReport;
import io.omnirec.core.imports.CatalogCsv;
import io.omnirec.core.imports.CustomerCsv;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.ranking.Diversity;
import io.omnirec.core.ranking.Exploration;
import io.omnirec.core.ranking.ListShape;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code omnirec-eval movielens --path DIR}: the published MovieLens 100K protocol (item-stratified 75/25, seed 42,
 * every rating relevant, seen items removed, k = 10) through Omnirec's own import, ingest, aggregates, training and
 * recommend code, beside baselines measured in the same run and the published rows.
 */
@Command(name = "movielens", mixinStandardHelpOptions = true,
        description = "Evaluate on MovieLens 100K with the published item-stratified 75/25 protocol.")
final class MovieLensCommand implements Callable<Integer> {

    @Option(names = "--path", required = true, description = "the ml-100k directory (u.data, u.item, u.user)")
    Path path;

    @Option(names = "--splits", description = "the test-lines file of the split (default: "
            + "<path>/../ml-100k-splits/item_stratified_75_seed42.test-lines.txt)")
    Path splits;

    @Option(names = "--validation", description = "never read the test rows: evaluate on an item-stratified 75/25 "
            + "split carved from the training rows (seed --validation-seed); for choosing settings")
    boolean validation;

    @Option(names = "--validation-seed", defaultValue = "7")
    long validationSeed;

    @Option(names = "--max-per-category", description = "Omnirec's diversity cap: items of one genre per list (default "
            + "0, none: the published rows measure accuracy alone; the product's default is 3)")
    Integer maxPerCategory;

    @Option(names = "--exploration", description = "Omnirec's exploration share: slots per list kept for new items "
            + "(default 0, none: the published rows measure accuracy alone; the product's default is 0.1)")
    Double exploration;

    @Option(names = "--json", description = "also write the report as JSON to this file")
    Path json;

    @Option(names = "--seed", defaultValue = "42", description = "training seed")
    long seed;

    @Option(names = "--label-split", defaultValue = "random", description = "training labels: time or random "
            + "(chosen on the validation split; see the README)")
    String labelSplit;

    @Option(names = "--algorithm", defaultValue = "auto", description = "logistic, fm or auto")
    String algorithm;

    @Option(names = "--ease-lambda", defaultValue = "" + AggregateConfig.DEFAULT_EASE_LAMBDA)
    double easeLambda;

    @Option(names = "--ease-penalty", defaultValue = "" + AggregateConfig.DEFAULT_EASE_PENALTY,
            description = "EASE's regularisation per shopper of an item; 0: plain EASE")
    double easePenalty;

    @Option(names = "--ease-neighbours", defaultValue = "500", description = "EASE weights kept per item")
    int easeNeighbours;

    @Option(names = "--neighbours", defaultValue = "200")
    int neighbours;

    @Option(names = "--rp3-alpha", defaultValue = "0.8")
    double rp3Alpha;

    @Option(names = "--rp3-beta", defaultValue = "0.3")
    double rp3Beta;

    @Option(names = "--negatives", defaultValue = "20", description = "sampled negatives per positive")
    int negatives;

    @Option(names = "--head-depth", defaultValue = "" + TrainingConfig.DEFAULT_HEAD_DEPTH,
            description = "the model orders this many of the fallback chain's first candidates; 0: the whole pool")
    int headDepth;

    @Option(names = "--epochs", defaultValue = "10")
    int epochs;

    private ListShape shape() {
        return new ListShape(maxPerCategory == null ? Diversity.NONE : new Diversity(maxPerCategory),
                exploration == null ? Exploration.NONE : Exploration.withShare(exploration));
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        MovieLens data = MovieLens.read(path);
        Path splitFile = splits != null ? splits
                : path.resolveSibling("ml-100k-splits").resolve("item_stratified_75_seed42.test-lines.txt");
        Set<Integer> test = MovieLens.testLines(splitFile);
        List<MovieLens.Rating> train = new ArrayList<>();
        List<MovieLens.Rating> held = new ArrayList<>();
        for (MovieLens.Rating r : data.ratings) {
            (test.contains(r.line()) ? held : train).add(r);
        }
        if (validation) {
            List<List<MovieLens.Rating>> carved = MovieLens.stratifiedByItem(train, 0.75, validationSeed);
            train = carved.get(0);
            held = carved.get(1);
        }
        Pipeline pipeline = new Pipeline();
        Instant last = train.stream().map(MovieLens.Rating::time).max(Comparator.naturalOrder()).orElseThrow();
        pipeline.setNow(last.plusSeconds(1));
        StringBuilder catalogCsv = new StringBuilder(CatalogCsv.fullHeader()).append('\n');
        data.items.forEach(i -> catalogCsv.append(CatalogCsv.line(i)).append('\n'));
        StringBuilder customersCsv = new StringBuilder(String.join(",", CustomerCsv.HEADER)).append('\n');
        data.customers.forEach(c -> customersCsv.append(CustomerCsv.line(c)).append('\n'));
        pipeline.importCsv(ImportKind.CATALOG, catalogCsv.toString());
        pipeline.importCsv(ImportKind.CUSTOMERS, customersCsv.toString());
        long accepted = pipeline.ingest(train.stream().map(MovieLens.Rating::asPurchase).toList());
        long ingested = System.nanoTime();

        TrainingConfig base = TrainingConfig.defaults(seed);
        AggregateConfig settings = base.aggregates().withNeighbours(neighbours)
                .withEase(base.aggregates().easeMaxItems(), easeLambda, easePenalty, easeNeighbours).withRp3(rp3Alpha, rp3Beta);
        TrainingConfig config = new TrainingConfig(seed, labelSplit, base.holdoutShare(), base.validationShare(),
                negatives, epochs, algorithm, base.fmFactors(), base.maxTrainingShoppers(),
                base.maxValidationShoppers(), settings, base.candidates(), headDepth);
        TrainingOutcome outcome = pipeline.train(config);
        long trained = System.nanoTime();
        Aggregates aggregates = pipeline.buildAggregates(config.aggregates());
        long built = System.nanoTime();

        Map<String, CatalogItem> catalog = new LinkedHashMap<>();
        data.items.forEach(i -> catalog.put(i.itemId(), i));
        Map<String, String> baselines = new LinkedHashMap<>();
        baselines.put("popularity (distinct buyers)", "popular");
        baselines.put("co-occurrence (cosine)", "cooccurrence");
        baselines.put("EASE (lambda " + (int) config.aggregates().easeLambda() + " + "
                + config.aggregates().easePopularityPenalty() + " x buyers, "
                + config.aggregates().easeNeighbours() + " weights per item)", "ease");
        baselines.put("RP3beta (alpha " + config.aggregates().rp3Alpha() + ", beta " + config.aggregates().rp3Beta()
                + ")", "rp3");
        Map<String, MetricsReport> reports = Evaluator.run(pipeline, config.candidates(),
                MovieLens.byUser(held), catalog, baselines, shape());
        if (config.aggregates().easePopularityPenalty() > 0) {
            AggregateConfig plain = config.aggregates().withEase(config.aggregates().easeMaxItems(), 500, 0,
                    config.aggregates().easeNeighbours());
            reports.put("EASE, plain (lambda 500, " + plain.easeNeighbours() + " weights per item)",
                    Evaluator.source(pipeline, config.candidates(), MovieLens.byUser(held), catalog,
                            pipeline.buildDetachedAggregates(plain), "ease"));
        }
        long evaluated = System.nanoTime();

        Comparison comparison = new Comparison("MovieLens 100K, " + (validation
                ? "validation split carved from the training rows (test rows not read)"
                : "item-stratified 75/25 seed 42 (published protocol), k = 10"), catalog.size());
        comparison.fact("train ratings ingested", accepted + " of " + train.size());
        comparison.fact("evaluated users", MovieLens.byUser(held).size());
        comparison.fact("model", outcome.status() + ": " + outcome.reason());
        if (outcome.card() != null) {
            comparison.fact("model algorithm", outcome.card().algorithm());
            comparison.fact("model counts", outcome.card().counts());
            comparison.fact("model validation metrics", outcome.card().metrics());
            comparison.fact("training timings (ms)", outcome.card().timingsMillis());
        }
        comparison.fact("aggregates", aggregates.version());
        comparison.fact("omnirec diversity cap (items per leaf category)", shape().diversity().maxPerCategory());
        comparison.fact("omnirec exploration share", shape().exploration().share());
        comparison.fact("seconds: ingest / train / aggregates / evaluate", String.format("%.1f / %.1f / %.1f / %.1f",
                (ingested - start) / 1e9, (trained - ingested) / 1e9, (built - trained) / 1e9,
                (evaluated - built) / 1e9));
        reports.forEach(comparison::add);
        if (!validation) {
            comparison.copied("EASE lambda 500, dense", "measured for issue 5", 0.4829, 0.4198, 0.2277, 0.1491);
            comparison.copied("BiVAE", "published", 0.4687, 0.4082, 0.2209, 0.1436);
            comparison.copied("BPR", "published", 0.4450, 0.3887, 0.2166, 0.1340);
            comparison.copied("LightGCN", "published", 0.4164, 0.3592, 0.1960, 0.1209);
            comparison.copied("SAR", "published", 0.3938, 0.3406, 0.1854, 0.1140);
            comparison.copied("NCF", "published", 0.3686, 0.3269, 0.1632, 0.0952);
        }
        comparison.print(System.out);
        if (json != null) {
            comparison.writeJson(json);
        }
        return 0;
    }
}
