package io.omnirec.core.aggregates;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

    /** The entries of {@code scores}, highest score first, ties by id. */
    public static RankedList byScore(Map<String, Double> scores) {
        String[] ids = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toArray(String[]::new);
        float[] values = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = scores.get(ids[i]).floatValue();
        }
        return new RankedList(ids, values);
    }

    /** The score of every id. */
    public Map<String, Float> asMap() {
        Map<String, Float> map = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], scores[i]);
        }
        return map;
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
