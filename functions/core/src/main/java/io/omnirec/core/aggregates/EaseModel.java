package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders", WWW 2019): the closed-form item-item model
 * {@code B = I - P diagMat(1/diag(P))} with {@code P = (X^T X + Lambda)^-1} over the binary shopper x item matrix
 * X, where {@code Lambda} is diagonal: {@code lambda + penalty * n_i} for an item bought by {@code n_i} shoppers (the
 * popularity-dependent penalty that dropout implies in Steck's DLAE, NeurIPS 2020; penalty 0 is plain EASE).
 * Solved densely with EJML over the {@link AggregateConfig#easeMaxItems()} items with the most shoppers; larger
 * catalogs fall back to co-occurrence for the rest. Each item keeps its {@link AggregateConfig#easeNeighbours()}
 * outgoing weights of largest magnitude, negative ones included: the score of item i for a shopper is the sum of
 * {@code B[j][i]} over the items j in their history.
 */
final class EaseModel {
    private final AggregateConfig config;

    EaseModel(AggregateConfig config) {
        this.config = config;
    }

    Map<String, RankedList> neighbours(List<CatalogItem> items, List<int[]> histories) {
        int[] shoppers = new int[items.size()];
        for (int[] history : histories) {
            for (int item : history) {
                shoppers[item]++;
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (shoppers[i] > 0) {
                chosen.add(i);
            }
        }
        chosen.sort(Comparator.comparingInt((Integer i) -> -shoppers[i]).thenComparingInt(i -> i));
        int m = Math.min(config.easeMaxItems(), chosen.size());
        if (m < 2) {
            return Map.of();
        }
        int[] local = new int[items.size()];
        java.util.Arrays.fill(local, -1);
        for (int k = 0; k < m; k++) {
            local[chosen.get(k)] = k;
        }
        DMatrixRMaj gram = new DMatrixRMaj(m, m);
        double[] g = gram.data;
        int[] buffer = new int[64];
        for (int[] history : histories) {
            int size = 0;
            for (int item : history) {
                if (local[item] >= 0) {
                    if (size == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, size * 2);
                    }
                    buffer[size++] = local[item];
                }
            }
            for (int a = 0; a < size; a++) {
                int row = buffer[a] * m;
                for (int b = 0; b < size; b++) {
                    g[row + buffer[b]] += 1;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            g[k * m + k] += config.easeLambda() + config.easePopularityPenalty() * g[k * m + k];
        }
        DMatrixRMaj p = new DMatrixRMaj(m, m);
        if (!CommonOps_DDRM.invertSPD(gram, p)) {
            throw new IllegalStateException("the EASE Gram matrix is not positive definite");
        }
        double[] pd = p.data;
        Map<String, RankedList> result = new HashMap<>();
        int[] cols = new int[m - 1];
        double[] weights = new double[m - 1];
        List<CatalogItem> ordered = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            ordered.add(items.get(chosen.get(k)));
        }
        for (int j = 0; j < m; j++) {
            int c = 0;
            for (int i = 0; i < m; i++) {
                if (i != j) {
                    cols[c] = i;
                    weights[c] = -pd[j * m + i] / pd[i * m + i];
                    c++;
                }
            }
            result.put(ordered.get(j).itemId(), AggregateBuilder.largest(cols, weights, ordered, config.easeNeighbours()));
        }
        return result;
    }
}
