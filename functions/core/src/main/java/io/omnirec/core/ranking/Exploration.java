package io.omnirec.core.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A share of each answer kept for new items with little history, so that they are seen and their responses learnt
 * from: {@code floor(k * share)} slots (1 of 10 at the default), at the end of the list, each given to the best-scored
 * eligible item that the list does not hold yet, first seen at most {@code maxAgeDays} ago (or never) and bought by at
 * most {@code maxBuyers} shoppers. A list that already holds that many such items is left as it is. {@code share} 0
 * turns it off.
 */
public record Exploration(double share, int maxBuyers, int maxAgeDays) {
    public static final Exploration NONE = new Exploration(0, 0, 0);
    /** One slot in ten, for items of the last 30 days bought by at most 2 shoppers. */
    public static final Exploration DEFAULT = new Exploration(0.1, 2, 30);

    public Exploration {
        if (!(share >= 0 && share <= 0.5)) {
            throw new IllegalArgumentException("share must be between 0 and 0.5");
        }
        if (maxBuyers < 0 || maxAgeDays < 0) {
            throw new IllegalArgumentException("maxBuyers and maxAgeDays must be 0 or more");
        }
    }

    /** The default exploration with another share of slots (0 turns it off). */
    public static Exploration withShare(double share) {
        return new Exploration(share, DEFAULT.maxBuyers(), DEFAULT.maxAgeDays());
    }

    /** How many slots of a list of {@code k} are kept for exploration. */
    public int slots(int k) {
        return (int) Math.floor(k * share + 1e-9);
    }

    /**
     * {@code chosen} (the first k of {@code ranked}, best first) with its last slots given to new items from
     * {@code ranked} as of {@code now}, marked {@link TopK.Scored#explored()}.
     */
    public List<TopK.Scored> apply(List<TopK.Scored> chosen, List<TopK.Scored> ranked, int k, Instant now) {
        int slots = slots(k);
        if (slots == 0) {
            return chosen;
        }
        long since = now.getEpochSecond() - maxAgeDays * 86_400L;
        Predicate<TopK.Scored> isNew = s -> s.candidate().facts().buyers() <= maxBuyers
                && s.candidate().facts().firstSeen() >= since;
        long present = chosen.stream().filter(isNew).count();
        int needed = (int) Math.max(0, slots - present);
        if (needed == 0) {
            return chosen;
        }
        Set<String> shown = new HashSet<>();
        chosen.forEach(s -> shown.add(s.candidate().itemId()));
        List<TopK.Scored> explorers = new ArrayList<>();
        for (TopK.Scored candidate : ranked) {
            if (explorers.size() == needed) {
                break;
            }
            if (isNew.test(candidate) && !shown.contains(candidate.candidate().itemId())) {
                explorers.add(new TopK.Scored(candidate.candidate(), candidate.score(), true));
            }
        }
        if (explorers.isEmpty()) {
            return chosen;
        }
        List<TopK.Scored> kept = new ArrayList<>(chosen);
        int toDrop = Math.max(0, kept.size() + explorers.size() - k);
        for (int i = kept.size() - 1; i >= 0 && toDrop > 0; i--) {
            if (!isNew.test(kept.get(i))) {
                kept.remove(i);
                toDrop--;
            }
        }
        kept.addAll(explorers);
        return List.copyOf(kept);
    }
}
