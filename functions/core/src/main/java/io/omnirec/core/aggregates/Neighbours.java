package io.omnirec.core.aggregates;

import java.util.Arrays;

/**
 * The neighbours of one item, strongest first: parallel arrays of item ids and weights.
 */
public record Neighbours(String[] ids, float[] weights) {
    public static final Neighbours NONE = new Neighbours(new String[0], new float[0]);

    public Neighbours {
        if (ids.length != weights.length) {
            throw new IllegalArgumentException("ids and weights differ in length");
        }
    }

    public int size() {
        return ids.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Neighbours n && Arrays.equals(ids, n.ids) && Arrays.equals(weights, n.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "Neighbours" + Arrays.toString(ids);
    }
}
