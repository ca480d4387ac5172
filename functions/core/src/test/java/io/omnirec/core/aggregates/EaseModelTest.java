package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EASE's weights into an item are the ridge regression of that item's column on every other column, each
 * coefficient penalised by {@code lambda + penalty * buyers}: checked here one regression at a time, a route
 * independent of the model's single inverse.
 */
class EaseModelTest {
    private static final int ITEMS = 7;

    @Test
    void weightsAreThePenalisedRegressionOfEachItemOnTheOthers() {
        List<CatalogItem> items = catalog();
        List<int[]> histories = histories(new Random(11), 40);
        double lambda = 3;
        double penalty = 0.75;
        Map<String, RankedList> model = new EaseModel(AggregateConfig.defaults()
                .withEase(ITEMS, lambda, penalty, ITEMS)).neighbours(items, histories);

        double[][] gram = gram(histories);
        for (int target = 0; target < ITEMS; target++) {
            double[] expected = regression(gram, target, lambda, penalty);
            for (int other = 0, k = 0; other < ITEMS; other++) {
                if (other == target) {
                    continue;
                }
                Float stored = model.get(items.get(other).itemId()).asMap().get(items.get(target).itemId());
                assertEquals(expected[k++], stored, 1e-5, "weight of item " + other + " into item " + target);
            }
        }
    }

    @Test
    void aPenaltyOfZeroIsPlainEaseAndAPositiveOneChangesTheWeights() {
        List<CatalogItem> items = catalog();
        List<int[]> histories = histories(new Random(12), 40);
        Map<String, RankedList> plain = new EaseModel(AggregateConfig.defaults().withEase(ITEMS, 3, 0, ITEMS))
                .neighbours(items, histories);
        double[] expected = regression(gram(histories), 0, 3, 0);
        assertEquals(expected[0], plain.get("i1").asMap().get("i0"), 1e-5);
        Map<String, RankedList> penalised = new EaseModel(AggregateConfig.defaults().withEase(ITEMS, 3, 2, ITEMS))
                .neighbours(items, histories);
        assertNotEquals(plain.get("i1").asMap().get("i0"), penalised.get("i1").asMap().get("i0"));
        assertTrue(Math.abs(penalised.get("i1").asMap().get("i0")) < Math.abs(plain.get("i1").asMap().get("i0")),
                "a larger penalty shrinks the weight");
    }

    private static List<CatalogItem> catalog() {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new CatalogItem("i" + i, "Item " + i, "Home/Decor", "Acme", 10, false));
        }
        return items;
    }

    /** Shoppers whose histories favour item 1 with item 0, so that the weight between them is clearly positive. */
    private static List<int[]> histories(Random random, int shoppers) {
        List<int[]> histories = new ArrayList<>();
        for (int s = 0; s < shoppers; s++) {
            List<Integer> bought = new ArrayList<>();
            boolean pair = random.nextDouble() < 0.4;
            for (int i = 0; i < ITEMS; i++) {
                if ((pair && i < 2) || random.nextDouble() < 0.3) {
                    bought.add(i);
                }
            }
            histories.add(bought.stream().mapToInt(Integer::intValue).toArray());
        }
        return histories;
    }

    private static double[][] gram(List<int[]> histories) {
        double[][] gram = new double[ITEMS][ITEMS];
        for (int[] history : histories) {
            for (int a : history) {
                for (int b : history) {
                    gram[a][b]++;
                }
            }
        }
        return gram;
    }

    /** Coefficients of item {@code target} regressed on the other items, in item order. */
    private static double[] regression(double[][] gram, int target, double lambda, double penalty) {
        int n = ITEMS - 1;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        int[] others = new int[n];
        for (int i = 0, k = 0; i < ITEMS; i++) {
            if (i != target) {
                others[k++] = i;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                a.set(r, c, gram[others[r]][others[c]]);
            }
            a.add(r, r, lambda + penalty * gram[others[r]][others[r]]);
            b.set(r, 0, gram[others[r]][target]);
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, x));
        return x.data;
    }
}
