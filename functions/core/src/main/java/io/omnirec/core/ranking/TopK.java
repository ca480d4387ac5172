package io.omnirec.core.ranking;

import io.omnirec.core.features.ItemSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Picks the k best-scored candidates that a shopper may be shown. Ties break by item id, so results are stable. */
public final class TopK {

    /** A candidate and its score. */
    public record Scored(ItemSnapshot candidate, double score) {
    }

    private TopK() {
    }

    public static List<Scored> select(List<ItemSnapshot> candidates, double[] scores, Set<String> excluded, int k) {
        List<Scored> eligible = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!excluded.contains(candidates.get(i).itemId())) {
                eligible.add(new Scored(candidates.get(i), scores[i]));
            }
        }
        eligible.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.candidate().itemId()));
        return List.copyOf(eligible.subList(0, Math.min(k, eligible.size())));
    }
}
