package io.omnirec.core.aggregates;

import java.util.Arrays;

/**
 * Sparse symmetric co-counts between item indexes, accumulated as per-row entry lists and merged once at the end.
 * Memory grows with the number of co-occurring pairs, not with the square of the catalog.
 */
final class PairCounts {
    private final int[][] cols;
    private final float[][] weights;
    private final int[] sizes;

    PairCounts(int items) {
        cols = new int[items][];
        weights = new float[items][];
        sizes = new int[items];
    }

    void add(int a, int b, float weight) {
        append(a, b, weight);
        append(b, a, weight);
    }

    private void append(int row, int col, float weight) {
        int size = sizes[row];
        if (cols[row] == null) {
            cols[row] = new int[8];
            weights[row] = new float[8];
        } else if (size == cols[row].length) {
            cols[row] = Arrays.copyOf(cols[row], size * 2);
            weights[row] = Arrays.copyOf(weights[row], size * 2);
        }
        cols[row][size] = col;
        weights[row][size] = weight;
        sizes[row] = size + 1;
    }

    /** The merged row: distinct column indexes ascending and their summed weights; frees the raw entries. */
    Row mergeRow(int row) {
        int size = sizes[row];
        if (size == 0) {
            return new Row(new int[0], new float[0]);
        }
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = ((long) cols[row][i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] outCols = new int[size];
        float[] outWeights = new float[size];
        int n = -1;
        int last = -1;
        for (long p : packed) {
            int col = (int) (p >>> 32);
            float w = weights[row][(int) p];
            if (col != last) {
                n++;
                outCols[n] = col;
                last = col;
            }
            outWeights[n] += w;
        }
        cols[row] = null;
        weights[row] = null;
        sizes[row] = 0;
        return new Row(Arrays.copyOf(outCols, n + 1), Arrays.copyOf(outWeights, n + 1));
    }

    record Row(int[] cols, float[] weights) {
    }
}
