package io.omnirec.core.training;

import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.ranking.BusinessRules;
import io.omnirec.core.ranking.RankFusionScorer;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Turns labelled shoppers into Tribuo examples. Candidates the shopper bought are positives; negatives are
 * candidates they did not buy, half the hardest (ranked highest by rank fusion of the sources) and half drawn at
 * random from the rest, all seeded.
 *
 * <p>Pointwise: one example per candidate, label buy or skip. Pairwise: for each (bought, not bought) pair the
 * difference of their vectors labelled buy, or (by a seeded coin) the reverse difference labelled skip; a linear model
 * trained on it scores a candidate by {@code w . x}, which orders each shopper's candidates by how likely they beat
 * one another (RankNet with a linear scorer) rather than by a probability calibrated across shoppers.
 */
final class TrainingExamples {
    private final String[] names;
    private final int negativesPerPositive;
    private final Random random;
    private final Map<String, MutableDataset<Label>> datasets = new LinkedHashMap<>();

    /** @param algorithms the datasets to fill: {@code pairwise} gets pairs, every other name pointwise examples */
    TrainingExamples(String[] names, int negativesPerPositive, long seed, List<String> algorithms) {
        this.names = names;
        this.negativesPerPositive = negativesPerPositive;
        this.random = new Random(seed);
        algorithms.forEach(name -> datasets.put(name, empty()));
    }

    /** A shopper's positives and chosen negatives, as indexes into the pool. */
    private record Sample(List<Integer> positives, List<Integer> hard, List<Integer> others) {
    }

    MutableDataset<Label> dataset(String algorithm) {
        return datasets.get(algorithm);
    }

    /** Adds one shopper's examples to every dataset; the case can be dropped afterwards. */
    void add(TrainingCase c) {
        Sample sample = sample(c, negativesPerPositive);
        datasets.forEach((algorithm, dataset) -> {
            if (algorithm.equals("pairwise")) {
                pairwise(dataset, c, sample);
            } else {
                pointwise(dataset, c, sample);
            }
        });
    }

    private void pointwise(MutableDataset<Label> dataset, TrainingCase c, Sample sample) {
        sample.positives().forEach(i -> dataset.add(new ArrayExample<>(BUY, names, c.vectors().get(i))));
        int wanted = Math.min(sample.positives().size() * negativesPerPositive,
                sample.hard().size() + sample.others().size());
        int hard = Math.min(wanted / 2, sample.hard().size());
        for (int n = 0; n < hard; n++) {
            dataset.add(new ArrayExample<>(SKIP, names, c.vectors().get(sample.hard().get(n))));
        }
        List<Integer> others = new ArrayList<>(sample.others());
        java.util.Collections.shuffle(others, random);
        for (int n = 0; n < Math.min(wanted - hard, others.size()); n++) {
            dataset.add(new ArrayExample<>(SKIP, names, c.vectors().get(others.get(n))));
        }
    }

    /** Each (bought, not bought) pair once, as their difference labelled buy or the reverse labelled skip. */
    private void pairwise(MutableDataset<Label> dataset, TrainingCase c, Sample sample) {
        if (sample.hard().isEmpty() && sample.others().isEmpty()) {
            return;
        }
        int next = 0;
        for (int positive : sample.positives()) {
            for (int n = 0; n < negativesPerPositive; n++) {
                int negative;
                if (n % 2 == 0 && !sample.hard().isEmpty() || sample.others().isEmpty()) {
                    negative = sample.hard().get(next++ % sample.hard().size());
                } else {
                    negative = sample.others().get(random.nextInt(sample.others().size()));
                }
                double[] a = c.vectors().get(positive);
                double[] b = c.vectors().get(negative);
                boolean ahead = random.nextBoolean();
                double[] difference = new double[a.length];
                for (int f = 0; f < a.length; f++) {
                    difference[f] = ahead ? a[f] - b[f] : b[f] - a[f];
                }
                dataset.add(new ArrayExample<>(ahead ? BUY : SKIP, names, difference));
            }
        }
    }

    private static final Label BUY = new Label(RankingModel.BUY);
    private static final Label SKIP = new Label(RankingModel.SKIP);

    private static MutableDataset<Label> empty() {
        LabelFactory labels = new LabelFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("omnirec shopper split", labels), labels);
    }

    private static Sample sample(TrainingCase c, int negativesPerPositive) {
        Predicate<Candidate> eligible = BusinessRules.eligible(c.request(), c.aggregates());
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < c.pool().size(); i++) {
            Candidate candidate = c.pool().candidates().get(i);
            if (eligible.test(candidate)) {
                (c.labels().contains(candidate.itemId()) ? positives : negatives).add(i);
            }
        }
        double[] fused = new RankFusionScorer().score(c.request(), c.pool(), null);
        negatives.sort((a, b) -> fused[a] == fused[b] ? Integer.compare(a, b) : Double.compare(fused[b], fused[a]));
        int hard = Math.min(negatives.size(), Math.max(1, positives.size() * negativesPerPositive / 2));
        return new Sample(positives, negatives.subList(0, hard), negatives.subList(hard, negatives.size()));
    }
}
