package io.omnirec.core.evaluation;

import java.util.List;
import java.util.Set;

/**
 * Top-k metrics of one ranked list against one shopper's relevant items, binary relevance. Definitions follow the
 * Microsoft Recommenders evaluation code the published MovieLens table was computed with: precision divides by k,
 * recall by the number of relevant items, MAP by the number of relevant items (not {@code min(n, k)}), nDCG uses the
 * ideal ranking over {@code min(n, k)} items.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** nDCG@k: discount {@code 1/log2(1+rank)}, ideal over {@code min(|relevant|, k)}; 0 when nothing is relevant. */
    public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static int hits(List<String> ranked, Set<String> relevant, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            hits += relevant.contains(ranked.get(i)) ? 1 : 0;
        }
        return hits;
    }

    public static double precision(List<String> ranked, Set<String> relevant, int k) {
        return (double) hits(ranked, relevant, k) / k;
    }

    public static double recall(List<String> ranked, Set<String> relevant, int k) {
        return relevant.isEmpty() ? 0 : (double) hits(ranked, relevant, k) / relevant.size();
    }

    /** Average precision at k divided by the number of relevant items. */
    public static double averagePrecision(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / relevant.size();
    }

    /** Reciprocal rank of the first relevant item within the top k, 0 when there is none. */
    public static double reciprocalRank(List<String> ranked, Set<String> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
