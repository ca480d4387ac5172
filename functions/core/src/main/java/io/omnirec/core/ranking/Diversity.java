package io.omnirec.core.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How varied a recommendation list must be: at most {@code maxPerCategory} items of one leaf category, taken best
 * first; items the cap held back fill the list, best first, when it would otherwise be short. {@code 0} turns the cap
 * off. The default was chosen by its measured cost (see the README's evaluation section).
 */
public record Diversity(int maxPerCategory) {
    public static final Diversity NONE = new Diversity(0);
    public static final Diversity DEFAULT = new Diversity(3);

    public Diversity {
        if (maxPerCategory < 0) {
            throw new IllegalArgumentException("maxPerCategory must be 0 or more");
        }
    }

    /** The first {@code k} of {@code ranked} (best first) under the cap. */
    public List<TopK.Scored> apply(List<TopK.Scored> ranked, int k) {
        if (maxPerCategory == 0 || ranked.size() <= 1) {
            return List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
        }
        List<TopK.Scored> chosen = new ArrayList<>(k);
        List<TopK.Scored> heldBack = new ArrayList<>();
        Map<String, Integer> perCategory = new HashMap<>();
        for (TopK.Scored candidate : ranked) {
            if (chosen.size() == k) {
                break;
            }
            String category = candidate.candidate().facts().item().category();
            if (perCategory.merge(category, 1, Integer::sum) <= maxPerCategory) {
                chosen.add(candidate);
            } else {
                heldBack.add(candidate);
            }
        }
        for (int i = 0; chosen.size() < k && i < heldBack.size(); i++) {
            chosen.add(heldBack.get(i));
        }
        return List.copyOf(chosen);
    }
}
