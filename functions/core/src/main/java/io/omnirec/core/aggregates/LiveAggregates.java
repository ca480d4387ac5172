package io.omnirec.core.aggregates;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Folds the sales heat of events accepted since a build ({@link HeatTally} per minute) into that build, so that
 * popularity, trending, new arrivals and the store lists move as events arrive. Deterministic and cheap: only the items
 * the tallies name change, and each list is re-ranked over its members and those items.
 *
 * <p>Every decayed figure of a build is relative to its {@code builtAt}; a minute after it enters with the weight it
 * has relative to that moment (slightly above 1), so old and new heat stay comparable without touching every item.
 * Minutes up to the build's own minute are left out: the build counted the log. Purchases raise the distinct-buyer
 * count by one each (a repeat buyer is counted once again only at the next build); segment lists move at the next build.
 */
public final class LiveAggregates {
    private static final double DAY = 86_400.0;

    private LiveAggregates() {
    }

    /** The build with the minutes after its own minute folded in; the build itself when there are none. */
    public static Aggregates overlay(Aggregates build, NavigableMap<Instant, HeatTally> minutes,
                                     AggregateConfig config) {
        NavigableMap<Instant, HeatTally> after = minutes.tailMap(
                build.builtAt().truncatedTo(ChronoUnit.MINUTES), false);
        Map<String, double[]> deltas = new HashMap<>();
        Map<String, Map<String, Double>> storeDeltas = new HashMap<>();
        after.forEach((minute, tally) -> {
            double ageDays = (build.builtAt().getEpochSecond() - minute.getEpochSecond()) / DAY;
            double heatWeight = AggregateBuilder.decay(ageDays, config.heatHalfLifeDays());
            double trendWeight = AggregateBuilder.decay(ageDays, config.trendHalfLifeDays());
            tally.signal().forEach((item, s) -> {
                double[] d = deltas.computeIfAbsent(item, k -> new double[3]);
                d[0] += s * heatWeight;
                d[1] += s * trendWeight;
            });
            tally.purchases().forEach((item, p) -> deltas.computeIfAbsent(item, k -> new double[3])[2] += p);
            tally.stores().forEach((store, items) -> items.forEach((item, s) -> storeDeltas
                    .computeIfAbsent(store, k -> new HashMap<>()).merge(item, s * heatWeight, Double::sum)));
        });
        deltas.keySet().retainAll(build.items().keySet());
        if (deltas.isEmpty()) {
            return build;
        }
        Map<String, ItemFacts> items = new HashMap<>(build.items());
        deltas.forEach((id, d) -> {
            ItemFacts f = items.get(id);
            items.put(id, new ItemFacts(f.item(), f.buyers() + (int) d[2], f.heat() + d[0], f.recentHeat() + d[1],
                    f.firstSeen()));
        });
        long now = build.builtAt().getEpochSecond();
        Map<String, RankedList> lists = new HashMap<>(build.lists());
        rerank(lists, Aggregates.POPULAR, deltas.keySet(), id -> ListScores.popular(items.get(id)), config);
        rerank(lists, Aggregates.TRENDING, deltas.keySet(), id -> ListScores.trending(items.get(id), config), config);
        rerank(lists, Aggregates.NEW, deltas.keySet(), id -> ListScores.newArrival(items.get(id), now, config),
                config);
        storeDeltas.forEach((store, byItem) -> {
            byItem.keySet().retainAll(items.keySet());
            String name = Aggregates.storeKey(store);
            Map<String, Double> scores = new HashMap<>();
            RankedList before = build.list(name);
            for (int r = 0; r < before.size(); r++) {
                scores.put(before.ids()[r], (double) before.scores()[r]);
            }
            byItem.forEach((id, d) -> scores.merge(id, d, Double::sum));
            lists.put(name, ranked(scores.keySet(), scores::get, config.listSize()));
        });
        return new Aggregates(build.version(), build.builtAt(), items, build.neighbours(), lists);
    }

    /** Ranks the list's members and the changed items by the list's score again. */
    private static void rerank(Map<String, RankedList> lists, String name, Set<String> changed,
                               ToDoubleFunction<String> score, AggregateConfig config) {
        Set<String> candidates = new HashSet<>(changed);
        RankedList before = lists.getOrDefault(name, RankedList.EMPTY);
        candidates.addAll(List.of(before.ids()));
        lists.put(name, ranked(candidates, score::applyAsDouble, config.listSize()));
    }

    /** The {@code limit} best positive scores, ties by item id, as the build ranks. */
    private static RankedList ranked(Set<String> ids, ToDoubleFunction<String> score, int limit) {
        List<String> order = new ArrayList<>();
        Map<String, Double> scores = new HashMap<>();
        for (String id : ids) {
            double s = score.applyAsDouble(id);
            if (s > 0) {
                order.add(id);
                scores.put(id, s);
            }
        }
        order.sort(Comparator.comparingDouble((String id) -> -scores.get(id)).thenComparing(id -> id));
        int size = Math.min(limit, order.size());
        String[] rankedIds = new String[size];
        float[] rankedScores = new float[size];
        for (int r = 0; r < size; r++) {
            rankedIds[r] = order.get(r);
            rankedScores[r] = scores.get(order.get(r)).floatValue();
        }
        return new RankedList(rankedIds, rankedScores);
    }
}
