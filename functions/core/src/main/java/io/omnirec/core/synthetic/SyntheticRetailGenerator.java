package io.omnirec.core.synthetic;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a retail world from a seed: the same config gives the same data, at any size.
 *
 * <p>Planted structure a model can learn and popularity cannot: each segment (age band x gender) prefers some top
 * categories; each shopper mixes the segment taste with a personal one, has two favourite sub-categories and a
 * favourite brand per top category; each item has a companion in a related sub-category that is often bought right
 * after it. Sessions run view -> add to cart -> purchase across web, app, store and kiosk. Retail effects: a fifth of
 * the catalog launches during the period and sells strongly while new; each store stocks up a local brand per top
 * category; top categories follow seasonal waves; consumables are often bought again on a personal cycle of two to
 * five weeks.
 */
public final class SyntheticRetailGenerator {

    /**
     * @param shoppers number of shoppers
     * @param items    number of catalog items
     * @param days     length of the event history
     * @param start    time of the first possible event
     * @param meanSessions mean sessions per shopper over the history
     */
    public record Config(long seed, int shoppers, int items, int days, Instant start, double meanSessions) {
        public static Config small(long seed) {
            return new Config(seed, 300, 200, 60, Instant.parse("2026-06-01T00:00:00Z"), 8);
        }
    }

    static final Map<String, List<String>> TAXONOMY = taxonomy();
    static final List<String> CONSUMABLE_TOPS = List.of("Grocery", "Beauty");
    static final List<String> REGIONS = List.of("North", "South", "East", "West");
    static final int STORES_PER_REGION = 3;
    static final String[] GENDERS = {"F", "M", "X"};
    private static final String[] SYLLABLES = {"nor", "val", "ka", "mi", "sol", "ter", "bra", "lu", "den", "ox",
        "ra", "vi", "po", "zen", "tal", "qu", "ar", "el"};

    private final Config config;
    private final Random random;

    public SyntheticRetailGenerator(Config config) {
        this.config = config;
        this.random = new Random(config.seed());
    }

    public SyntheticDataset generate() {
        List<String> tops = new ArrayList<>(TAXONOMY.keySet());
        Map<String, List<String>> brands = brands(tops);
        List<CatalogItem> items = items(tops, brands);
        double[] itemPopularity = latentPopularity(items.size());
        Map<String, Integer> companion = companions(items);
        double[] launchDay = new double[items.size()];
        for (int i = 0; i < launchDay.length; i++) {
            launchDay[i] = random.nextDouble() < 0.8 ? 0 : random.nextDouble() * config.days();
        }
        Map<String, String> storeBrand = new HashMap<>();
        for (int store = 0; store < REGIONS.size() * STORES_PER_REGION; store++) {
            for (String top : tops) {
                storeBrand.put(storeId(store) + "|" + top, brands.get(top).get(random.nextInt(brands.get(top).size())));
            }
        }
        double[] seasonPhase = new double[tops.size()];
        for (int t = 0; t < seasonPhase.length; t++) {
            seasonPhase[t] = random.nextDouble() * 2 * Math.PI;
        }
        Map<String, List<Integer>> byCategory = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byCategory.computeIfAbsent(items.get(i).category(), c -> new ArrayList<>()).add(i);
        }
        World world = new World(tops, items, itemPopularity, companion, launchDay, storeBrand, seasonPhase,
                byCategory);
        List<Customer> customers = customers();
        Map<String, double[]> segmentTaste = new HashMap<>();
        List<ShopperEvent> events = new ArrayList<>();
        long[] eventCounter = {0};
        for (Customer customer : customers) {
            String segment = customer.ageBand() + "|" + customer.gender();
            double[] segTaste = segmentTaste.computeIfAbsent(segment, s -> peaked(tops.size(), 3.0));
            Shopper shopper = new Shopper(customer, mix(segTaste, peaked(tops.size(), 3.0)), favourites(tops),
                    favouriteBrands(tops, brands));
            int sessions = poisson(config.meanSessions()) + 1;
            for (int s = 0; s < sessions; s++) {
                session(shopper, world, events, eventCounter);
            }
        }
        events.sort(Comparator.comparing(ShopperEvent::timestamp).thenComparing(ShopperEvent::eventId));
        Map<String, String> companionIds = new HashMap<>();
        companion.forEach((item, partner) -> companionIds.put(item, items.get(partner).itemId()));
        return new SyntheticDataset(customers, items, events, companionIds);
    }

    private record Shopper(Customer customer, double[] topTaste, Map<String, List<String>> favouriteSubs,
                           Map<String, String> favouriteBrand) {
    }

    /** The catalog-side facts every session draws from. */
    private record World(List<String> tops, List<CatalogItem> items, double[] popularity,
                         Map<String, Integer> companion, double[] launchDay, Map<String, String> storeBrand,
                         double[] seasonPhase, Map<String, List<Integer>> byCategory) {
    }

    private static final double SEASON_DAYS = 90;

    private void session(Shopper shopper, World world, List<ShopperEvent> events, long[] counter) {
        List<String> tops = world.tops();
        List<CatalogItem> items = world.items();
        Map<String, Integer> companion = world.companion();
        double day = random.nextDouble() * config.days();
        Instant time = config.start().plusSeconds((long) (day * 86_400L));
        String sessionId = "s" + shopper.customer().userId() + "-" + Long.toString(time.getEpochSecond(), 36);
        double c = random.nextDouble();
        Channel channel = c < 0.45 ? Channel.WEB : c < 0.75 ? Channel.APP : c < 0.95 ? Channel.STORE : Channel.KIOSK;
        String storeId = channel.isPhysical() ? (random.nextDouble() < 0.8 ? shopper.customer().homeStoreId()
                : storeId(random.nextInt(REGIONS.size() * STORES_PER_REGION))) : null;
        double[] taste = shopper.topTaste().clone();
        for (int t = 0; t < taste.length; t++) {
            taste[t] *= 1 + 0.6 * Math.sin(2 * Math.PI * day / SEASON_DAYS + world.seasonPhase()[t]);
        }
        String top = tops.get(pick(taste));
        List<String> favSubs = shopper.favouriteSubs().get(top);
        String sub = random.nextDouble() < 0.6 && !favSubs.isEmpty() ? favSubs.get(random.nextInt(favSubs.size()))
                : TAXONOMY.get(top).get(random.nextInt(TAXONOMY.get(top).size()));
        String category = top + "/" + sub;
        List<Integer> inCategory = new ArrayList<>();
        for (int i : world.byCategory().getOrDefault(category, List.of())) {
            if (world.launchDay()[i] <= day) {
                inCategory.add(i);
            }
        }
        if (inCategory.isEmpty()) {
            return;
        }
        double[] weights = new double[inCategory.size()];
        String localBrand = storeId == null ? null : world.storeBrand().get(storeId + "|" + top);
        for (int j = 0; j < weights.length; j++) {
            int i = inCategory.get(j);
            CatalogItem item = items.get(i);
            double novelty = world.launchDay()[i] > 0 ? 1 + 4 * Math.exp(-(day - world.launchDay()[i]) / 10) : 1;
            weights[j] = world.popularity()[i] * novelty
                    * (item.brand().equals(shopper.favouriteBrand().get(top)) ? 4 : 1)
                    * (item.brand().equals(localBrand) ? 3 : 1);
        }
        int views = 1 + random.nextInt(4);
        Session out = new Session(shopper.customer().userId(), sessionId, channel, storeId, time, events, counter);
        for (int v = 0; v < views; v++) {
            CatalogItem item = items.get(inCategory.get(pick(weights)));
            boolean favourite = item.brand().equals(shopper.favouriteBrand().get(top));
            out.add(item.itemId(), EventType.VIEW);
            if (random.nextDouble() < (favourite ? 0.5 : 0.25)) {
                out.add(item.itemId(), EventType.ADD_TO_CART);
                if (random.nextDouble() < 0.65) {
                    out.add(item.itemId(), EventType.PURCHASE);
                    if (item.consumable() && random.nextDouble() < 0.5) {
                        repurchases(shopper, item, day, events, counter);
                    }
                    Integer partner = companion.get(item.itemId());
                    if (partner != null && world.launchDay()[partner] <= day && random.nextDouble() < 0.35) {
                        String partnerId = items.get(partner).itemId();
                        out.add(partnerId, EventType.VIEW);
                        out.add(partnerId, EventType.ADD_TO_CART);
                        out.add(partnerId, EventType.PURCHASE);
                    }
                }
            }
        }
    }

    /**
     * What the catalog says a consumable lasts: the short end of the shoppers' personal cycles (14 to 35 days), so
     * that recommend's restock rule (due from 80% of it) holds no one's repurchase back.
     */
    static final int TYPICAL_CYCLE_DAYS = 17;

    /** A consumable bought again every {@code cycle} days (with some jitter) until the shopper stops or time ends. */
    private void repurchases(Shopper shopper, CatalogItem item, double day, List<ShopperEvent> events, long[] counter) {
        double cycle = 14 + random.nextDouble() * 21;
        double next = day + cycle;
        while (next + 0.5 < config.days() && random.nextDouble() < 0.85) {
            Instant time = config.start().plusSeconds((long) ((next + random.nextDouble() - 0.5) * 86_400L));
            boolean inStore = random.nextDouble() < 0.4;
            Session visit = new Session(shopper.customer().userId(), "r" + shopper.customer().userId() + "-"
                    + Long.toString(time.getEpochSecond(), 36), inStore ? Channel.STORE : Channel.APP,
                    inStore ? shopper.customer().homeStoreId() : null, time, events, counter);
            visit.add(item.itemId(), EventType.ADD_TO_CART);
            visit.add(item.itemId(), EventType.PURCHASE);
            next += cycle;
        }
    }

    /** Appends the events of one session, 40 seconds apart. */
    private static final class Session {
        private final String userId;
        private final String sessionId;
        private final Channel channel;
        private final String storeId;
        private final List<ShopperEvent> events;
        private final long[] counter;
        private Instant time;

        Session(String userId, String sessionId, Channel channel, String storeId, Instant time,
                List<ShopperEvent> events, long[] counter) {
            this.userId = userId;
            this.sessionId = sessionId;
            this.channel = channel;
            this.storeId = storeId;
            this.time = time;
            this.events = events;
            this.counter = counter;
        }

        void add(String itemId, EventType type) {
            counter[0]++;
            events.add(new ShopperEvent(String.format("e%09d", counter[0]), userId, itemId, type, time, channel,
                    storeId, sessionId, null));
            time = time.plus(Duration.ofSeconds(40));
        }
    }

    private List<Customer> customers() {
        List<Customer> customers = new ArrayList<>(config.shoppers());
        for (int i = 1; i <= config.shoppers(); i++) {
            int store = random.nextInt(REGIONS.size() * STORES_PER_REGION);
            customers.add(new Customer(String.format("u%06d", i), 18 + random.nextInt(60),
                    GENDERS[random.nextDouble() < 0.48 ? 0 : random.nextDouble() < 0.92 ? 1 : 2],
                    REGIONS.get(store / STORES_PER_REGION), storeId(store)));
        }
        return customers;
    }

    private static String storeId(int index) {
        return String.format("store-%02d", index + 1);
    }

    private Map<String, List<String>> brands(List<String> tops) {
        Map<String, List<String>> brands = new HashMap<>();
        for (String top : tops) {
            List<String> names = new ArrayList<>();
            while (names.size() < 5) {
                String name = word(2 + random.nextInt(2));
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            brands.put(top, names);
        }
        return brands;
    }

    private String word(int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private List<CatalogItem> items(List<String> tops, Map<String, List<String>> brands) {
        List<CatalogItem> items = new ArrayList<>(config.items());
        for (int i = 1; i <= config.items(); i++) {
            String top = tops.get(random.nextInt(tops.size()));
            List<String> subs = TAXONOMY.get(top);
            String sub = subs.get(random.nextInt(subs.size()));
            String brand = brands.get(top).get(random.nextInt(brands.get(top).size()));
            double basePrice = 5 + 20 * (tops.indexOf(top) + 1);
            double price = Math.round(basePrice * Math.exp(0.5 * random.nextGaussian()) * 100) / 100.0;
            items.add(new CatalogItem(String.format("i%05d", i), brand + " " + sub + " " + word(1), top + "/" + sub,
                    brand, price, CONSUMABLE_TOPS.contains(top),
                    CONSUMABLE_TOPS.contains(top) ? TYPICAL_CYCLE_DAYS : 0));
        }
        return items;
    }

    private double[] latentPopularity(int n) {
        double[] popularity = new double[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int rank = 0; rank < n; rank++) {
            popularity[order.get(rank)] = 1 / Math.pow(rank + 1, 0.7);
        }
        return popularity;
    }

    private Map<String, Integer> companions(List<CatalogItem> items) {
        Map<String, Integer> companion = new HashMap<>();
        Map<String, List<Integer>> relatedByLeaf = new HashMap<>();
        for (CatalogItem item : items) {
            // items of the same top category in another leaf, in catalog order; computed once per leaf
            List<Integer> related = relatedByLeaf.computeIfAbsent(item.category(), leaf -> {
                List<Integer> found = new ArrayList<>();
                for (int j = 0; j < items.size(); j++) {
                    CatalogItem other = items.get(j);
                    if (other.topCategory().equals(item.topCategory()) && !other.category().equals(leaf)) {
                        found.add(j);
                    }
                }
                return found;
            });
            if (!related.isEmpty()) {
                companion.put(item.itemId(), related.get(random.nextInt(related.size())));
            }
        }
        return companion;
    }

    private Map<String, List<String>> favourites(List<String> tops) {
        Map<String, List<String>> favourites = new HashMap<>();
        for (String top : tops) {
            List<String> subs = new ArrayList<>(TAXONOMY.get(top));
            java.util.Collections.shuffle(subs, random);
            favourites.put(top, List.copyOf(subs.subList(0, Math.min(2, subs.size()))));
        }
        return favourites;
    }

    private Map<String, String> favouriteBrands(List<String> tops, Map<String, List<String>> brands) {
        Map<String, String> favourite = new HashMap<>();
        for (String top : tops) {
            favourite.put(top, brands.get(top).get(random.nextInt(brands.get(top).size())));
        }
        return favourite;
    }

    /** A random distribution concentrated on a few entries; higher {@code sharpness} means fewer. */
    private double[] peaked(int n, double sharpness) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(random.nextDouble(), sharpness);
        }
        return weights;
    }

    private static double[] mix(double[] a, double[] b) {
        double[] mixed = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            mixed[i] = a[i] + b[i];
        }
        return mixed;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static Map<String, List<String>> taxonomy() {
        Map<String, List<String>> taxonomy = new java.util.LinkedHashMap<>();
        taxonomy.put("Grocery", List.of("Dairy", "Bakery", "Produce", "Snacks", "Beverages"));
        taxonomy.put("Beauty", List.of("Skincare", "Makeup", "Haircare"));
        taxonomy.put("Fashion", List.of("Shoes", "Tops", "Outerwear", "Accessories"));
        taxonomy.put("Electronics", List.of("Phones", "Audio", "Computers", "Cameras"));
        taxonomy.put("Home", List.of("Kitchen", "Furniture", "Decor", "Bedding"));
        taxonomy.put("Sports", List.of("Running", "Cycling", "Fitness", "Outdoor"));
        taxonomy.put("Toys", List.of("Games", "Puzzles", "Building"));
        return java.util.Collections.unmodifiableMap(taxonomy);
    }
}
