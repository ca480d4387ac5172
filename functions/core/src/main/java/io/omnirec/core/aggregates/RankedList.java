package io.omnirec.core.aggregates;

import java.util.Arrays;

/**
 * Items ranked best first with their scores: a popularity, heat or trend list, or the neighbours of one item with
 * their weights.
 */
public record RankedList(String[] ids, float[] scores) {
    public static final RankedList EMPTY = new RankedList(new String[0], new float[0]);

    public RankedList {
        if (ids.length != scores.length) {
            throw new IllegalArgumentException("ids and scores differ in length");
        }
    }

    public int size() {
        return ids.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RankedList r && Arrays.equals(ids, r.ids) && Arrays.equals(scores, r.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "RankedList" + Arrays.toString(ids);
    }
}
