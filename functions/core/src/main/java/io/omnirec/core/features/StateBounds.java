package io.omnirec.core.features;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * How large each per-item map of a shopper's state may grow, so that a state stays far below DynamoDB's 400 KB item
 * limit whatever the shopper does and however long their ids are. Each map is bounded in entries and in bytes, counted
 * as a store keeps an entry: a two-byte prefix, the key's UTF-8 bytes and a number of at most
 * {@value #NUMBER_BYTES} bytes. A map past its {@link Bound#trimAt} entries or its {@link Bound#bytes} is cut back to
 * its {@link Bound#entries} most important entries within 7/8 of its bytes (the eighth is the slack that spares a
 * trim per event), keeping the most recent purchases and cart entries and the heaviest item weights and affinities.
 * Durables dropped from the purchases may be recommended again; dropped weights and affinities count as never seen.
 */
public final class StateBounds {
    /** The most bytes DynamoDB stores for a number (38 significant digits). */
    public static final int NUMBER_BYTES = 21;
    /** The bytes of an attribute's prefix ({@code p:}, {@code i:}, {@code k:}, {@code a:}). */
    public static final int PREFIX_BYTES = 2;

    /**
     * A map's bound.
     *
     * @param entries how many entries a trim keeps at most
     * @param trimAt  how many entries make a trim due (the slack above {@code entries} spares a trim per event)
     * @param bytes   how many bytes make a trim due; a trim keeps at most 7/8 of them
     */
    public record Bound(int entries, int trimAt, int bytes) {
        /** The bytes a trim keeps at most. */
        public int keptBytes() {
            return bytes / 8 * 7;
        }
    }

    /** Last purchase time per item: 500 kept once past 550 (one trim per 50 new items), 48 KB. */
    public static final Bound PURCHASES = new Bound(500, 550, 48 * 1024);
    /** Interaction weight per item: the 1,000 heaviest, 40 KB. */
    public static final Bound ITEMS = new Bound(1_000, 1_100, 40 * 1024);
    /** Category, top category and brand affinities: the 300 heaviest, 16 KB. */
    public static final Bound AFFINITIES = new Bound(300, 330, 16 * 1024);
    /** Cart entries: the 100 put in last, 12 KB. */
    public static final Bound CART = new Bound(100, 110, 12 * 1024);

    private StateBounds() {
    }

    /** The bytes a store spends on one entry of {@code key}. */
    public static int entryBytes(String key) {
        return PREFIX_BYTES + key.getBytes(StandardCharsets.UTF_8).length + NUMBER_BYTES;
    }

    /** The bytes a store spends on {@code map}. */
    public static int bytes(Map<String, ?> map) {
        int total = 0;
        for (String key : map.keySet()) {
            total += entryBytes(key);
        }
        return total;
    }

    /** Whether {@code map} is past {@code bound}: a trim is due. */
    public static boolean due(Map<String, ?> map, Bound bound) {
        if (map.size() > bound.trimAt()) {
            return true;
        }
        long atMost = 0;
        for (String key : map.keySet()) {
            atMost += PREFIX_BYTES + 3L * key.length() + NUMBER_BYTES; // a UTF-16 char takes at most 3 UTF-8 bytes
        }
        return atMost > bound.bytes() && bytes(map) > bound.bytes();
    }

    /** {@code purchases} (or cart entries), or when a trim is due, the latest that fit (ties broken by item id). */
    public static Map<String, Long> latest(Map<String, Long> times, Bound bound) {
        return keep(times, bound, Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
    }

    /** {@code weights}, or when a trim is due, the heaviest that fit (ties broken by key). */
    public static Map<String, Double> heaviest(Map<String, Double> weights, Bound bound) {
        return keep(weights, bound, Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
    }

    private static <V> Map<String, V> keep(Map<String, V> map, Bound bound, Comparator<Map.Entry<String, V>> first) {
        if (!due(map, bound)) {
            return map;
        }
        Map<String, V> kept = new HashMap<>();
        int bytes = 0;
        for (Map.Entry<String, V> entry : map.entrySet().stream().sorted(first).toList()) {
            int size = entryBytes(entry.getKey());
            if (kept.size() < bound.entries() && bytes + size <= bound.keptBytes()) {
                kept.put(entry.getKey(), entry.getValue());
                bytes += size;
            }
        }
        return kept;
    }
}
