package io.omnirec.core.training;

import java.util.List;
import java.util.Set;

/** Top-k ranking metrics with binary relevance. */
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

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
