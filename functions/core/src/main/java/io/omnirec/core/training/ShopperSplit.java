package io.omnirec.core.training;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.EventHistory;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history split for training, leak-free in time. Time mode: {@link #CUTOFFS} calendar cutoffs are spread over the
 * purchases (the last at the {@code 1 - holdoutShare} quantile of purchase times, the others evenly before it); each
 * shopper with purchases on both sides of at least one of them is assigned the one closest to where their own last
 * {@code holdoutShare} of purchases begins. Their events before it build features (their state is replayed with the
 * same deltas ingest applies); what they bought from it on (anything new, and consumables again) are the labels. The
 * aggregates a shopper's candidates and features come from are built per cutoff from every shopper's events before
 * it, exactly what recommend would have had at that moment, so no feature sees a label's time. Several cutoffs let
 * shoppers contribute whatever the calendar time of their activity. In random mode a seeded share of each shopper's
 * purchases are the labels instead, and one build holds everything else. Streaming passes; no event object is kept.
 */
final class ShopperSplit {
    /** How many calendar cutoffs the time mode uses. */
    static final int CUTOFFS = 3;

    private final Cutoffs cutoffs;
    private final Map<String, UserState> states;
    private final Map<String, Set<String>> labels;
    private final Instant from;
    private final Instant to;
    /** Just after the latest feature event: the "now" of random mode. */
    private final long randomAt;
    private final long events;

    /** How long before a shopper's cutoff their events are dropped: about one shopping session. */
    static final java.time.Duration QUARANTINE = java.time.Duration.ofHours(1);

    /** The cutoff marker of a shopper split at random rather than in time. */
    private static final long RANDOM_SPLIT = Long.MIN_VALUE;

    private ShopperSplit(Cutoffs cutoffs, Map<String, UserState> states, Map<String, Set<String>> labels,
                         Instant from, Instant to, long randomAt, long events) {
        this.cutoffs = cutoffs;
        this.states = states;
        this.labels = labels;
        this.from = from;
        this.to = to;
        this.randomAt = randomAt;
        this.events = events;
    }

    /** How a shopper's purchases are split into features and labels. */
    enum Mode {
        /** the latest purchases are labels: what a live system faces */
        TIME,
        /** a seeded random share of each shopper's purchases are labels: what random-split benchmarks face */
        RANDOM
    }

    static ShopperSplit of(EventHistory history, Map<String, CatalogItem> catalog, double holdoutShare, Mode mode,
                           long seed) {
        Map<String, long[]> purchaseTimes = new HashMap<>();
        Map<String, Integer> purchaseCounts = new HashMap<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
        history.forEach(event -> {
            long t = event.timestamp().getEpochSecond();
            span[0] = Math.min(span[0], t);
            span[1] = Math.max(span[1], t);
            span[2]++;
            if (event.type() == EventType.PURCHASE) {
                int count = purchaseCounts.merge(event.userId(), 1, Integer::sum);
                long[] times = purchaseTimes.computeIfAbsent(event.userId(), u -> new long[4]);
                if (count > times.length) {
                    times = Arrays.copyOf(times, times.length * 2);
                    purchaseTimes.put(event.userId(), times);
                }
                times[count - 1] = t;
            }
        });
        Map<String, Long> cutoffs = new HashMap<>();
        long[] calendar = mode == Mode.RANDOM ? new long[0] : calendar(purchaseTimes, purchaseCounts, holdoutShare);
        purchaseTimes.forEach((user, times) -> {
            int count = purchaseCounts.get(user);
            if (count < 2) {
                return;
            }
            if (mode == Mode.RANDOM) {
                cutoffs.put(user, RANDOM_SPLIT);
                return;
            }
            long[] sorted = Arrays.copyOf(times, count);
            Arrays.sort(sorted);
            long own = sorted[count - Math.max(1, (int) Math.round(count * holdoutShare))];
            long best = Long.MIN_VALUE;
            for (long cutoff : calendar) {
                boolean bothSides = sorted[0] < cutoff - QUARANTINE.getSeconds() && sorted[count - 1] >= cutoff;
                if (bothSides && (best == Long.MIN_VALUE || Math.abs(cutoff - own) < Math.abs(best - own))) {
                    best = cutoff;
                }
            }
            if (best != Long.MIN_VALUE) {
                cutoffs.put(user, best);
            }
        });
        Cutoffs rule = new Cutoffs(cutoffs, holdoutShare, seed);
        Map<String, UserState.Builder> builders = new HashMap<>();
        Map<String, Set<String>> labels = new HashMap<>();
        Map<String, Set<String>> boughtAfter = new HashMap<>();
        long[] featuresTo = {Long.MIN_VALUE};
        history.forEach(event -> {
            Side side = rule.side(event);
            if (side == Side.FEATURES) {
                builders.computeIfAbsent(event.userId(), user -> new UserState.Builder(UserState.empty(user)))
                        .add(InteractionUpdate.of(event, Optional.ofNullable(catalog.get(event.itemId()))));
                featuresTo[0] = Math.max(featuresTo[0], event.timestamp().getEpochSecond() + 1);
            } else if (side == Side.LABELS && event.type() == EventType.PURCHASE) {
                boughtAfter.computeIfAbsent(event.userId(), u -> new HashSet<>()).add(event.itemId());
            }
        });
        Map<String, UserState> states = new HashMap<>();
        builders.forEach((user, builder) -> states.put(user, builder.build()));
        boughtAfter.forEach((user, items) -> {
            UserState before = states.get(user);
            Set<String> fresh = new HashSet<>();
            for (String item : items) {
                CatalogItem known = catalog.get(item);
                // what recommend may show: anything new, and consumables bought again
                if (known != null && (known.consumable() || before == null || !before.purchased().contains(item))) {
                    fresh.add(item);
                }
            }
            if (!fresh.isEmpty()) {
                labels.put(user, fresh);
            }
        });
        Instant start = span[2] == 0 ? Instant.EPOCH : Instant.ofEpochSecond(span[0]);
        Instant end = span[2] == 0 ? Instant.EPOCH : Instant.ofEpochSecond(span[1]);
        return new ShopperSplit(rule, states, labels, start, end,
                featuresTo[0] == Long.MIN_VALUE ? span[0] : featuresTo[0], span[2]);
    }

    /**
     * The calendar cutoffs: the last at the {@code 1 - holdoutShare} quantile of all purchase times, the others evenly
     * spaced in quantile before it, distinct and ascending.
     */
    private static long[] calendar(Map<String, long[]> purchaseTimes, Map<String, Integer> purchaseCounts,
                                   double holdoutShare) {
        int total = purchaseCounts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return new long[0];
        }
        long[] all = new long[total];
        int next = 0;
        for (Map.Entry<String, long[]> entry : purchaseTimes.entrySet()) {
            int count = purchaseCounts.get(entry.getKey());
            System.arraycopy(entry.getValue(), 0, all, next, count);
            next += count;
        }
        Arrays.sort(all);
        return java.util.stream.IntStream.rangeClosed(1, CUTOFFS)
                .mapToLong(k -> all[(int) Math.min(total - 1, Math.floor(total * (1 - holdoutShare) * k / CUTOFFS))])
                .distinct().sorted().toArray();
    }

    /** Where an event goes. */
    private enum Side { FEATURES, LABELS, DROPPED }

    /**
     * Which side of the split each event falls on. Time mode: events at or after the shopper's cutoff are labels
     * (their purchases), events in the {@link #QUARANTINE} before it are dropped, so that the views and carts of the
     * session that led to a label purchase do not give it away. Random mode ({@link #RANDOM_SPLIT}): a seeded hash of
     * the event id holds out purchases.
     */
    private record Cutoffs(Map<String, Long> byShopper, double holdoutShare, long seed) {

        Side side(ShopperEvent event) {
            Long cutoff = byShopper.get(event.userId());
            if (cutoff == null) {
                return Side.FEATURES;
            }
            if (cutoff == RANDOM_SPLIT) {
                return isRandomlyHeldOut(event) ? Side.LABELS : Side.FEATURES;
            }
            long t = event.timestamp().getEpochSecond();
            return t >= cutoff ? Side.LABELS : t >= cutoff - QUARANTINE.getSeconds() ? Side.DROPPED : Side.FEATURES;
        }

        private boolean isRandomlyHeldOut(ShopperEvent event) {
            if (event.type() != EventType.PURCHASE) {
                return false;
            }
            long h = seed * 0x9E3779B97F4A7C15L + event.eventId().hashCode();
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (h >>> 11) * 0x1.0p-53 < holdoutShare;
        }
    }

    /**
     * The moments the aggregates are built at, ascending: the calendar cutoffs that labelled shoppers were assigned
     * (time mode), or one moment after every feature event (random mode).
     */
    List<Instant> buildTimes() {
        return labels.keySet().stream().map(this::cutoffOf).distinct().sorted().toList();
    }

    /** When the shopper's labels begin: the "now" of their request and of the aggregates they are served from. */
    Instant cutoffOf(String userId) {
        Long cutoff = cutoffs.byShopper().get(userId);
        return Instant.ofEpochSecond(cutoff == null || cutoff == RANDOM_SPLIT ? randomAt : cutoff);
    }

    /**
     * What the aggregates built at {@code at} (one of {@link #buildTimes()}) are built from: every event before it,
     * except the held-out labels and quarantined sessions of the shoppers whose cutoff it is (and, in random mode,
     * every held-out purchase).
     */
    EventHistory eventsBefore(EventHistory history, Instant at) {
        long until = at.getEpochSecond();
        return visitor -> history.forEach(event -> {
            if (event.timestamp().getEpochSecond() < until
                    && (cutoffs.side(event) == Side.FEATURES || cutoffOf(event.userId()).getEpochSecond() != until)) {
                visitor.accept(event);
            }
        });
    }

    /** The events on the features side of every shopper's split: those their {@link #stateAtCutoff} replays. */
    EventHistory featureEvents(EventHistory history) {
        return visitor -> history.forEach(event -> {
            if (cutoffs.side(event) == Side.FEATURES) {
                visitor.accept(event);
            }
        });
    }

    /** Shoppers with labels, i.e. who bought something new after their cutoff. */
    Map<String, Set<String>> labels() {
        return labels;
    }

    UserState stateAtCutoff(String userId) {
        return states.getOrDefault(userId, UserState.empty(userId));
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    long events() {
        return events;
    }
}
