package io.omnirec.core.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Accumulates the top-k lists of one system over many shoppers and summarises them: P@k, R@k, F1@k, MAP, nDCG@k,
 * HitRate@k, MRR (each a mean over shoppers with a 95% normal-approximation confidence interval), catalog coverage
 * and intra-list diversity.
 */
public final class MetricsReport {
    /** Metric names, in report order. */
    public static final List<String> NAMES = List.of("precision", "recall", "f1", "map", "ndcg", "hit_rate", "mrr");

    private final int k;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Set<String> recommended = new HashSet<>();
    private double diversitySum;
    private int diversityLists;

    public MetricsReport(int k) {
        this.k = k;
        NAMES.forEach(name -> values.put(name, new ArrayList<>()));
    }

    /**
     * Adds one shopper's list.
     *
     * @param dissimilar 1 when two items differ (by category, say), 0 when alike: intra-list diversity is its mean
     *                   over the list's pairs
     */
    public void add(List<String> ranked, Set<String> relevant, BiFunction<String, String, Double> dissimilar) {
        double p = RankingMetrics.precision(ranked, relevant, k);
        double r = RankingMetrics.recall(ranked, relevant, k);
        values.get("precision").add(p);
        values.get("recall").add(r);
        values.get("f1").add(p + r == 0 ? 0 : 2 * p * r / (p + r));
        values.get("map").add(RankingMetrics.averagePrecision(ranked, relevant, k));
        values.get("ndcg").add(RankingMetrics.ndcg(ranked, relevant, k));
        values.get("hit_rate").add(RankingMetrics.hits(ranked, relevant, k) > 0 ? 1.0 : 0.0);
        values.get("mrr").add(RankingMetrics.reciprocalRank(ranked, relevant, k));
        List<String> top = ranked.subList(0, Math.min(k, ranked.size()));
        recommended.addAll(top);
        if (top.size() > 1) {
            double sum = 0;
            int pairs = 0;
            for (int a = 0; a < top.size(); a++) {
                for (int b = a + 1; b < top.size(); b++) {
                    sum += dissimilar.apply(top.get(a), top.get(b));
                    pairs++;
                }
            }
            diversitySum += sum / pairs;
            diversityLists++;
        }
    }

    public int shoppers() {
        return values.get("ndcg").size();
    }

    public double mean(String metric) {
        return stats(values.get(metric))[0];
    }

    /** Half-width of the 95% confidence interval of the mean. */
    public double halfWidth(String metric) {
        return stats(values.get(metric))[1];
    }

    /** Per-shopper values of a metric, in the order shoppers were added (for paired comparisons). */
    public List<Double> values(String metric) {
        return List.copyOf(values.get(metric));
    }

    /** Share of the catalog that appears in at least one list. */
    public double coverage(int catalogSize) {
        return catalogSize == 0 ? 0 : (double) recommended.size() / catalogSize;
    }

    public double diversity() {
        return diversityLists == 0 ? 0 : diversitySum / diversityLists;
    }

    /** Mean and 95% half-width of the per-shopper differences {@code a - b}. */
    public static double[] pairedDifference(List<Double> a, List<Double> b) {
        List<Double> diff = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            diff.add(a.get(i) - b.get(i));
        }
        return stats(diff);
    }

    private static double[] stats(Collection<Double> xs) {
        int n = xs.size();
        if (n == 0) {
            return new double[] {0, 0};
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double mean = sum / n;
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        return new double[] {mean, 1.96 * sd / Math.sqrt(n)};
    }
}
