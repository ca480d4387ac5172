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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history split in time per shopper: each shopper with at least two purchases gets their own cutoff, so that the
 * last {@code holdoutShare} of their purchases (at least one) fall after it. Events before a shopper's cutoff build
 * features (their state is replayed with the same deltas ingest applies, and the aggregates are rebuilt from them);
 * what the shopper bought from the cutoff on (anything new, and consumables again) are the labels. Every active
 * shopper contributes, whatever the calendar time of their activity. In random mode a seeded share of each
 * shopper's purchases are the labels instead. Two streaming passes; no event object is kept.
 */
final class ShopperSplit {
    private final Cutoffs cutoffs;
    private final Map<String, UserState> states;
    private final Map<String, Set<String>> labels;
    private final Instant from;
    private final Instant to;
    private final Instant featuresTo;
    private final long events;

    /** How long before a shopper's cutoff their events are dropped: about one shopping session. */
    static final java.time.Duration QUARANTINE = java.time.Duration.ofHours(1);

    /** The cutoff marker of a shopper split at random rather than in time. */
    private static final long RANDOM_SPLIT = Long.MIN_VALUE;

    private ShopperSplit(Cutoffs cutoffs, Map<String, UserState> states, Map<String, Set<String>> labels,
                         Instant from, Instant to, Instant featuresTo, long events) {
        this.cutoffs = cutoffs;
        this.states = states;
        this.labels = labels;
        this.from = from;
        this.to = to;
        this.featuresTo = featuresTo;
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
        purchaseTimes.forEach((user, times) -> {
            if (mode == Mode.RANDOM) {
                if (purchaseCounts.get(user) >= 2) {
                    cutoffs.put(user, RANDOM_SPLIT);
                }
                return;
            }
            int count = purchaseCounts.get(user);
            if (count >= 2) {
                long[] sorted = Arrays.copyOf(times, count);
                Arrays.sort(sorted);
                int held = Math.max(1, (int) Math.round(count * holdoutShare));
                long cutoff = sorted[count - held];
                if (cutoff > sorted[0]) {
                    cutoffs.put(user, cutoff);
                }
            }
        });
        Cutoffs rule = new Cutoffs(cutoffs, holdoutShare, seed);
        Map<String, StateBuilder> builders = new HashMap<>();
        Map<String, Set<String>> labels = new HashMap<>();
        Map<String, Set<String>> boughtAfter = new HashMap<>();
        long[] featuresTo = {Long.MIN_VALUE};
        history.forEach(event -> {
            Side side = rule.side(event);
            if (side == Side.FEATURES) {
                builders.computeIfAbsent(event.userId(), StateBuilder::new)
                        .apply(InteractionUpdate.of(event, Optional.ofNullable(catalog.get(event.itemId()))));
                featuresTo[0] = Math.max(featuresTo[0], event.timestamp().getEpochSecond());
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
                featuresTo[0] == Long.MIN_VALUE ? start : Instant.ofEpochSecond(featuresTo[0]), span[2]);
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

    /** The events that build features. */
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

    /** The latest event that builds features: the aggregates' "now" during training. */
    Instant featuresTo() {
        return featuresTo;
    }

    long events() {
        return events;
    }

    /** Mutable replay of one shopper's updates; {@link UserState#plus} copies and would be quadratic here. */
    private static final class StateBuilder {
        private final String userId;
        private final Set<String> purchased = new HashSet<>();
        private final Map<String, Double> items = new HashMap<>();
        private final Map<String, Double> affinities = new HashMap<>();
        private double affinityTotal;
        private double priceLogSum;
        private long priceCount;

        StateBuilder(String userId) {
            this.userId = userId;
        }

        void apply(InteractionUpdate update) {
            if (update.purchasedItemId() != null) {
                purchased.add(update.purchasedItemId());
            }
            if (update.itemWeight() > 0) {
                items.merge(update.itemId(), update.itemWeight(), Double::sum);
            }
            update.affinities().forEach((k, v) -> affinities.merge(k, v, Double::sum));
            affinityTotal += update.affinityTotal();
            priceLogSum += update.priceLog();
            priceCount += update.priceCount();
        }

        UserState build() {
            return new UserState(userId, purchased, items, affinities, affinityTotal, priceLogSum, priceCount);
        }
    }
}
