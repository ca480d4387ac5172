package io.omnirec.core.features;

/** Interaction counters of one item, across all channels. */
public record ItemStats(long views, long carts, long purchases) {
    public static final ItemStats ZERO = new ItemStats(0, 0, 0);

    /** A single popularity figure: purchases weigh most, views least. */
    public double popularity() {
        return views + 3.0 * carts + 5.0 * purchases;
    }

    public ItemStats plus(ItemStats other) {
        return new ItemStats(views + other.views, carts + other.carts, purchases + other.purchases);
    }
}
