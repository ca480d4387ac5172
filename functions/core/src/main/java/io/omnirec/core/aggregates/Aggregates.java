package io.omnirec.core.aggregates;

import io.omnirec.core.domain.Customer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable build of the aggregates.
 *
 * @param version    id of this build (time and content hash), stable for the same input
 * @param builtAt    the "now" of the build: every decay is relative to it
 * @param items      the facts of every catalog item that can be recommended
 * @param neighbours neighbour indexes by name ({@link #COOCCURRENCE}, {@link #RP3}, {@link #EASE},
 *                   {@link #CONTENT}), each
 *                   mapping an item to its neighbours
 * @param lists      ranked lists by name: {@link #POPULAR}, {@link #TRENDING}, {@link #NEW},
 *                   {@code segment:<key>} (see {@link #segmentKey}) and {@code store:<storeId>}
 */
public record Aggregates(String version, Instant builtAt, Map<String, ItemFacts> items,
                         Map<String, Map<String, RankedList>> neighbours, Map<String, RankedList> lists) {
    public static final String COOCCURRENCE = "cooccurrence";
    public static final String EASE = "ease";
    public static final String RP3 = "rp3";
    public static final String CONTENT = "content";
    public static final String POPULAR = "popular";
    public static final String TRENDING = "trending";
    public static final String NEW = "new";

    public Aggregates {
        items = Map.copyOf(items);
        neighbours = Map.copyOf(neighbours);
        lists = Map.copyOf(lists);
    }

    public static Aggregates empty(Instant at) {
        return new Aggregates("empty", at, Map.of(), Map.of(), Map.of());
    }

    public Optional<ItemFacts> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /** The neighbours of {@code itemId} in the named index; none when either is unknown. */
    public RankedList neighbours(String index, String itemId) {
        Map<String, RankedList> byItem = neighbours.get(index);
        RankedList found = byItem == null ? null : byItem.get(itemId);
        return found == null ? RankedList.EMPTY : found;
    }

    public RankedList list(String name) {
        return lists.getOrDefault(name, RankedList.EMPTY);
    }

    /** The segment a shopper belongs to: age band x gender x region. */
    public static String segmentKey(Customer customer) {
        return "segment:" + customer.ageBand() + "|" + customer.gender() + "|" + customer.region();
    }

    public static String storeKey(String storeId) {
        return "store:" + storeId;
    }
}
