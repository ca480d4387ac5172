package io.omnirec.core.training;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractFMModel;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

import java.util.List;
import java.util.Optional;

/**
 * The trained parameters of a Tribuo linear or factorization-machine classifier, read out once and applied to dense
 * feature rows directly: the same arithmetic as {@code Model.predict} (linear or FM scores per label, then softmax),
 * without building an {@code Example} and a {@code Prediction} per candidate. {@code CompiledScorerTest} checks it
 * against Tribuo's own predictions.
 */
final class CompiledScorer {
    private final int[] featureIds;
    private final int buy;
    private final double[][] linear;
    private final double[] bias;
    private final double[][][] factors;

    private CompiledScorer(int[] featureIds, int buy, double[][] linear, double[] bias, double[][][] factors) {
        this.featureIds = featureIds;
        this.buy = buy;
        this.linear = linear;
        this.bias = bias;
        this.factors = factors;
    }

    /** A compiled form of {@code model}, or empty for a model type it does not know. */
    static Optional<CompiledScorer> of(Model<Label> model, List<String> featureNames) {
        ImmutableFeatureMap map = model.getFeatureIDMap();
        int[] ids = new int[featureNames.size()];
        for (int f = 0; f < ids.length; f++) {
            ids[f] = map.getID(featureNames.get(f));
        }
        int buy = model.getOutputIDInfo().getID(new Label(RankingModel.BUY));
        int labels = model.getOutputIDInfo().size();
        int features = map.size();
        if (model instanceof AbstractLinearSGDModel<Label> linearModel) {
            DenseMatrix w = linearModel.getWeightsCopy();
            double[][] weights = new double[labels][features];
            double[] biases = new double[labels];
            for (int l = 0; l < labels; l++) {
                for (int i = 0; i < features; i++) {
                    weights[l][i] = w.get(l, i);
                }
                biases[l] = w.get(l, features);
            }
            return Optional.of(new CompiledScorer(ids, buy, weights, biases, null));
        }
        if (model instanceof AbstractFMModel<Label> fm) {
            DenseMatrix w = fm.getLinearWeightsCopy();
            DenseVector b = fm.getBiasesCopy();
            Tensor[] v = fm.getFactorsCopy();
            double[][] weights = new double[labels][features];
            double[] biases = new double[labels];
            double[][][] factorArrays = new double[labels][][];
            for (int l = 0; l < labels; l++) {
                for (int i = 0; i < features; i++) {
                    weights[l][i] = w.get(l, i);
                }
                biases[l] = b.get(l);
                DenseMatrix factor = (DenseMatrix) v[l]; // [factor size x features]
                int size = factor.getDimension1Size();
                factorArrays[l] = new double[features][size];
                for (int i = 0; i < features; i++) {
                    for (int k = 0; k < size; k++) {
                        factorArrays[l][i][k] = factor.get(k, i);
                    }
                }
            }
            return Optional.of(new CompiledScorer(ids, buy, weights, biases, factorArrays));
        }
        return Optional.empty();
    }

    /** P(buy) of one feature row in registry order. */
    double score(double[] row) {
        int labels = bias.length;
        double[] logits = new double[labels];
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < labels; l++) {
            double s = bias[l];
            for (int f = 0; f < row.length; f++) {
                int id = featureIds[f];
                if (id >= 0) {
                    s += linear[l][id] * row[f];
                }
            }
            if (factors != null) {
                int k = factors[l][0].length;
                for (int j = 0; j < k; j++) {
                    double sum = 0;
                    double squares = 0;
                    for (int f = 0; f < row.length; f++) {
                        int id = featureIds[f];
                        if (id >= 0) {
                            double t = factors[l][id][j] * row[f];
                            sum += t;
                            squares += t * t;
                        }
                    }
                    s += 0.5 * (sum * sum - squares);
                }
            }
            logits[l] = s;
            max = Math.max(max, s);
        }
        double total = 0;
        for (int l = 0; l < labels; l++) {
            total += Math.exp(logits[l] - max);
        }
        return Math.exp(logits[buy] - max) / total;
    }
}
