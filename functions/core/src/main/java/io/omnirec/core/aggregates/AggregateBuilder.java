package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.store.EventHistory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link Aggregates} from the event history in one streaming pass plus per-index solves. Deterministic: the
 * same events, catalog, customers, time and config give equal aggregates.
 *
 * <p>Scaling limits (documented in {@code docs/ARCHITECTURE.md}): memory grows with distinct (shopper, item) pairs
 * and with co-occurring pairs inside {@link AggregateConfig#maxHistory()}; EASE is a dense solve over at most
 * {@link AggregateConfig#easeMaxItems()} items (O(n^3) time, 8 n^2 bytes).
 */
public final class AggregateBuilder {
    private static final double LN2 = Math.log(2);
    private static final double DAY = 86_400.0;
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AggregateConfig config;

    public AggregateBuilder(AggregateConfig config) {
        this.config = config;
    }

    public AggregateConfig config() {
        return config;
    }

    /** One shopper's touches of one item. */
    private static final class Touch {
        float weight;
        long last;
        boolean bought;
    }

    /** The single streaming pass over the events: per-item counters, per-shopper touches, per-list heat. */
    private final class Pass {
        final Map<String, Integer> index;
        final Map<String, Customer> customers;
        final long now;
        final int[] buyers;
        final double[] heat;
        final double[] recentHeat;
        final long[] firstSeen;
        final Map<String, Map<Integer, Touch>> users = new TreeMap<>();
        final Map<String, Map<Integer, Double>> listHeat = new HashMap<>();
        long eventCount;
        long timeSum;

        Pass(Map<String, Integer> index, Map<String, Customer> customers, long now) {
            this.index = index;
            this.customers = customers;
            this.now = now;
            int n = index.size();
            buyers = new int[n];
            heat = new double[n];
            recentHeat = new double[n];
            firstSeen = new long[n];
            java.util.Arrays.fill(firstSeen, Long.MAX_VALUE);
        }

        void accept(ShopperEvent event) {
            Integer item = index.get(event.itemId());
            if (item == null) {
                return;
            }
            eventCount++;
            long t = event.timestamp().getEpochSecond();
            timeSum += t;
            firstSeen[item] = Math.min(firstSeen[item], t);
            double signal = HeatTally.signal(event.type());
            double ageDays = Math.max(0, now - t) / DAY;
            double h = signal * decay(ageDays, config.heatHalfLifeDays());
            heat[item] += h;
            recentHeat[item] += signal * decay(ageDays, config.trendHalfLifeDays());
            Touch touch = users.computeIfAbsent(event.userId(), u -> new HashMap<>())
                    .computeIfAbsent(item, i -> new Touch());
            touch.weight += (float) event.type().affinityWeight();
            touch.last = Math.max(touch.last, t);
            if (event.type() == EventType.PURCHASE && !touch.bought) {
                touch.bought = true;
                buyers[item]++;
            }
            if (h > 0) {
                Customer customer = customers.get(event.userId());
                if (customer != null) {
                    listHeat.computeIfAbsent(Aggregates.segmentKey(customer), k -> new HashMap<>())
                            .merge(item, h, Double::sum);
                }
                String store = event.storeId() != null ? event.storeId()
                        : customer != null && !customer.homeStoreId().isEmpty() ? customer.homeStoreId() : null;
                if (store != null) {
                    listHeat.computeIfAbsent(Aggregates.storeKey(store), k -> new HashMap<>())
                            .merge(item, event.storeId() != null ? h : h / 2, Double::sum);
                }
            }
        }
    }

    /**
     * @param events    the history, any order; events of items not in the catalog are ignored
     * @param catalog   every item that may be recommended
     * @param customers shopper profiles by id, for segment lists
     * @param asOf      the build's "now"
     */
    public Aggregates build(EventHistory events, Collection<CatalogItem> catalog,
                            Map<String, Customer> customers, Instant asOf) {
        List<CatalogItem> items = catalog.stream().sorted(Comparator.comparing(CatalogItem::itemId)).toList();
        Map<String, Integer> index = new HashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i).itemId(), i);
        }
        int n = items.size();
        Pass pass = new Pass(index, customers, asOf.getEpochSecond());
        events.forEach(pass::accept);
        long now = pass.now;
        int[] buyers = pass.buyers;
        double[] heat = pass.heat;
        double[] recentHeat = pass.recentHeat;
        long[] firstSeen = pass.firstSeen;
        Map<String, Map<Integer, Touch>> users = pass.users;
        Map<String, Map<Integer, Double>> listHeat = pass.listHeat;
        List<int[]> histories = new ArrayList<>(users.size());
        List<long[]> times = new ArrayList<>(users.size());
        for (Map<Integer, Touch> touches : users.values()) {
            List<Map.Entry<Integer, Touch>> sorted = touches.entrySet().stream()
                    .filter(e -> e.getValue().weight > 0)
                    .sorted(Comparator.comparingLong((Map.Entry<Integer, Touch> e) -> e.getValue().last)
                            .thenComparing(Map.Entry::getKey))
                    .toList();
            int from = Math.max(0, sorted.size() - config.maxHistory());
            int[] history = new int[sorted.size() - from];
            long[] when = new long[history.length];
            for (int i = from; i < sorted.size(); i++) {
                history[i - from] = sorted.get(i).getKey();
                when[i - from] = sorted.get(i).getValue().last;
            }
            histories.add(history);
            times.add(when);
        }

        // a launch date the catalog gives counts as the item's first sight, once it has passed; a launch still to come
        // keeps the item out of the new arrivals until then
        for (int i = 0; i < n; i++) {
            java.time.LocalDate launch = items.get(i).details().launchDate();
            long launched = launch == null ? Long.MAX_VALUE : launch.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
            if (launched <= now) {
                firstSeen[i] = launched;
            }
        }
        Map<String, ItemFacts> facts = new HashMap<>(n * 2);
        ItemFacts[] byIndex = new ItemFacts[n];
        for (int i = 0; i < n; i++) {
            byIndex[i] = new ItemFacts(items.get(i), buyers[i], heat[i], recentHeat[i],
                    firstSeen[i] == Long.MAX_VALUE ? now : firstSeen[i]);
            facts.put(items.get(i).itemId(), byIndex[i]);
        }
        Map<String, Map<String, RankedList>> neighbours = new HashMap<>();
        neighbours.putAll(itemToItem(items, histories, times, now));
        neighbours.put(Aggregates.EASE, new EaseModel(config).neighbours(items, histories));
        neighbours.put(Aggregates.CONTENT, ContentSimilarity.neighbours(items, buyers, config.contentNeighbours()));

        Map<String, RankedList> lists = new HashMap<>();
        lists.put(Aggregates.POPULAR, top(n, i -> ListScores.popular(byIndex[i]), items));
        lists.put(Aggregates.TRENDING, top(n, i -> ListScores.trending(byIndex[i], config), items));
        lists.put(Aggregates.NEW, top(n, i -> ListScores.newArrival(byIndex[i], now, config), items));
        new TreeMap<>(listHeat).forEach((name, byItem) -> {
            double[] scores = new double[n];
            byItem.forEach((i, h) -> scores[i] = h);
            lists.put(name, top(n, i -> scores[i], items));
        });
        lists.putAll(BrandLift.perStore(listHeat, items, byIndex, config.listSize()));
        lists.put(CategoryTrend.LIST, CategoryTrend.of(items, byIndex));
        String version = VERSION_TIME.format(asOf) + "-" + digest(pass.eventCount + "|" + pass.timeSum + "|" + n + "|"
                + users.size() + "|" + config);
        return new Aggregates(version, asOf, facts, neighbours, lists);
    }

    static double decay(double ageDays, double halfLifeDays) {
        return Math.exp(-LN2 * ageDays / halfLifeDays);
    }

    /**
     * Two item-to-item indexes from one pass over the shoppers' histories: {@link Aggregates#COOCCURRENCE}, co-counts
     * decayed by age and normalised by {@link AggregateConfig#similarity()}; and {@link Aggregates#RP3}, the
     * RP3beta random walk (Paudel et al., 2016): {@code W[i][j] = sum over shoppers of both of deg(u)^-alpha, divided
     * by deg(i)^alpha and deg(j)^beta}, which discounts heavy shoppers and popular targets.
     */
    private Map<String, Map<String, RankedList>> itemToItem(List<CatalogItem> items, List<int[]> histories,
                                                            List<long[]> times, long now) {
        int n = items.size();
        PairCounts pairs = new PairCounts(n);
        PairCounts walks = new PairCounts(n);
        double[] occurrences = new double[n];
        int[] degree = new int[n];
        long window = (long) (config.cooccurrenceWindowDays() * DAY);
        for (int u = 0; u < histories.size(); u++) {
            int[] history = histories.get(u);
            long[] when = times.get(u);
            float walk = (float) Math.pow(history.length, -config.rp3Alpha());
            for (int a = 0; a < history.length; a++) {
                double ageA = Math.max(0, now - when[a]) / DAY;
                occurrences[history[a]] += decay(ageA, config.cooccurrenceHalfLifeDays());
                degree[history[a]]++;
                for (int b = a + 1; b < history.length && when[b] - when[a] <= window; b++) {
                    // the pair is as old as its older touch
                    pairs.add(history[a], history[b], (float) decay(ageA, config.cooccurrenceHalfLifeDays()));
                    walks.add(history[a], history[b], walk);
                }
            }
        }
        Map<String, RankedList> cooccurrence = new HashMap<>();
        Map<String, RankedList> rp3 = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PairCounts.Row row = pairs.mergeRow(i);
            if (row.cols().length == 0) {
                continue;
            }
            double[] similarity = new double[row.cols().length];
            for (int k = 0; k < similarity.length; k++) {
                double co = row.weights()[k];
                double di = occurrences[i];
                double dj = occurrences[row.cols()[k]];
                similarity[k] = switch (config.similarity()) {
                    case "jaccard" -> co / (di + dj - co);
                    case "lift" -> co / (di * dj);
                    default -> co / Math.sqrt(di * dj);
                };
            }
            cooccurrence.put(items.get(i).itemId(), strongest(row.cols(), similarity, items, config.neighbours()));
            PairCounts.Row walkRow = walks.mergeRow(i);
            double[] weight = new double[walkRow.cols().length];
            for (int k = 0; k < weight.length; k++) {
                weight[k] = walkRow.weights()[k] / Math.pow(degree[i], config.rp3Alpha())
                        / Math.pow(degree[walkRow.cols()[k]], config.rp3Beta());
            }
            rp3.put(items.get(i).itemId(), strongest(walkRow.cols(), weight, items, config.neighbours()));
        }
        return Map.of(Aggregates.COOCCURRENCE, cooccurrence, Aggregates.RP3, rp3);
    }

    /** The {@code limit} strongest positive entries, ties by item id. */
    static RankedList strongest(int[] cols, double[] scores, List<CatalogItem> items, int limit) {
        return select(cols, scores, items, limit, k -> scores[k] > 0, k -> -scores[k]);
    }

    /** The {@code limit} non-zero entries of largest magnitude, in the order of their values, ties by item id. */
    static RankedList largest(int[] cols, double[] scores, List<CatalogItem> items, int limit) {
        RankedList byMagnitude = select(cols, scores, items, limit, k -> scores[k] != 0, k -> -Math.abs(scores[k]));
        Integer[] order = new Integer[byMagnitude.size()];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer r) -> -byMagnitude.scores()[r]));
        String[] ids = new String[order.length];
        float[] weights = new float[order.length];
        for (int r = 0; r < order.length; r++) {
            ids[r] = byMagnitude.ids()[order[r]];
            weights[r] = byMagnitude.scores()[order[r]];
        }
        return new RankedList(ids, weights);
    }

    private static RankedList select(int[] cols, double[] scores, List<CatalogItem> items, int limit,
                                     java.util.function.IntPredicate keep, java.util.function.IntToDoubleFunction key) {
        List<Integer> order = new ArrayList<>(cols.length);
        for (int k = 0; k < cols.length; k++) {
            if (keep.test(k)) {
                order.add(k);
            }
        }
        order.sort(Comparator.comparingDouble((Integer k) -> key.applyAsDouble(k)).thenComparingInt(k -> cols[k]));
        int size = Math.min(limit, order.size());
        String[] ids = new String[size];
        float[] weights = new float[size];
        for (int r = 0; r < size; r++) {
            ids[r] = items.get(cols[order.get(r)]).itemId();
            weights[r] = (float) scores[order.get(r)];
        }
        return new RankedList(ids, weights);
    }

    private RankedList top(int n, java.util.function.IntToDoubleFunction score, List<CatalogItem> items) {
        int[] cols = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            cols[i] = i;
            scores[i] = score.applyAsDouble(i);
        }
        return strongest(cols, scores, items, config.listSize());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
