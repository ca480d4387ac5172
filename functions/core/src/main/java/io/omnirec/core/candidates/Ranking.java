package io.omnirec.core.candidates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Best-first selection shared by the sources; ties break by item id so every answer is stable. */
final class Ranking {
    private static final Comparator<ScoredItem> BEST_FIRST =
            Comparator.comparingDouble((ScoredItem s) -> -s.score()).thenComparing(ScoredItem::itemId);

    private Ranking() {
    }

    static List<ScoredItem> best(Map<String, Double> scores, int limit) {
        List<ScoredItem> all = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> {
            if (score > 0) {
                all.add(new ScoredItem(id, score));
            }
        });
        all.sort(BEST_FIRST);
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }
}
