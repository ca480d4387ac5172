package io.omnirec.core.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;

/**
 * The parameters of a linear or factorization-machine classifier over the ranking features, applied to dense feature
 * rows directly: per label a linear score (plus, for a factorization machine, its pairwise factor terms), then the
 * softmax, and the probability of {@link RankingModel#BUY}. The same arithmetic as Tribuo's {@code Model.predict},
 * without Tribuo: training reads the parameters out of the Tribuo model once ({@link RankingModel}) and stores them
 * beside it as the {@value ModelCard#SCORER} artifact, which is all recommend loads.
 * {@code CompiledScorerTest} checks it against Tribuo's own predictions, also after a round trip through its
 * stored form.
 *
 * <p>Stored form ({@value #FORMAT}, JSON): {@code features} the feature names in row order, {@code labels},
 * {@code positive} the label scored, {@code bias[label]}, {@code weights[label][feature]} and, for a factorization
 * machine, {@code factors[label][feature][factor]}.
 */
public final class CompiledScorer implements RowScorer {
    /** The stored form's format name, also the card's format of the artifact. */
    public static final String FORMAT = "omnirec-scorer-json/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Stored parameters;
    private final int positive;

    /** The stored form. */
    record Stored(String format, List<String> features, List<String> labels, String positive, double[] bias,
                  double[][] weights, double[][][] factors) {
    }

    CompiledScorer(List<String> features, List<String> labels, String positive, double[] bias, double[][] weights,
                   double[][][] factors) {
        this(new Stored(FORMAT, List.copyOf(features), List.copyOf(labels), positive, bias, weights, factors));
    }

    private CompiledScorer(Stored parameters) {
        this.parameters = parameters;
        this.positive = parameters.labels().indexOf(parameters.positive());
    }

    /**
     * Reads the stored form; throws {@link CorruptModelException} when it is not one, or when its features are not
     * {@code featureNames} in this order.
     */
    public static CompiledScorer fromBytes(byte[] bytes, List<String> featureNames) {
        Stored stored;
        try {
            stored = JSON.readValue(bytes, Stored.class);
        } catch (IOException | RuntimeException e) {
            throw new CorruptModelException("not a stored scorer: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(stored.format())) {
            throw new CorruptModelException("scorer format " + stored.format() + " is not " + FORMAT);
        }
        if (!featureNames.equals(stored.features())) {
            throw new CorruptModelException("the scorer's features are not the model card's");
        }
        check(stored);
        return new CompiledScorer(stored);
    }

    private static void check(Stored s) {
        int labels = s.labels() == null ? 0 : s.labels().size();
        int features = s.features().size();
        boolean shaped = labels > 0 && s.labels().contains(s.positive()) && s.bias() != null
                && s.bias().length == labels && s.weights() != null && s.weights().length == labels
                && (s.factors() == null || s.factors().length == labels);
        for (int l = 0; shaped && l < labels; l++) {
            shaped = s.weights()[l] != null && s.weights()[l].length == features && finite(s.weights()[l])
                    && Double.isFinite(s.bias()[l]);
            if (shaped && s.factors() != null) {
                double[][] byFeature = s.factors()[l];
                shaped = byFeature != null && byFeature.length == features;
                for (int f = 0; shaped && f < features; f++) {
                    shaped = byFeature[f] != null && byFeature[f].length == byFeature[0].length && finite(byFeature[f]);
                }
            }
        }
        if (!shaped) {
            throw new CorruptModelException("the stored scorer's parameters do not fit its labels and features");
        }
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(parameters);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the scorer", e);
        }
    }

    /** P(buy) of one feature row in the stored feature order. */
    public double score(double[] row) {
        double[] bias = parameters.bias();
        double[][] weights = parameters.weights();
        double[][][] factors = parameters.factors();
        int labels = bias.length;
        double[] logits = new double[labels];
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < labels; l++) {
            double s = bias[l];
            double[] w = weights[l];
            for (int f = 0; f < row.length; f++) {
                s += w[f] * row[f];
            }
            if (factors != null && row.length > 0) {
                double[][] v = factors[l];
                for (int j = 0; j < v[0].length; j++) {
                    double sum = 0;
                    double squares = 0;
                    for (int f = 0; f < row.length; f++) {
                        double t = v[f][j] * row[f];
                        sum += t;
                        squares += t * t;
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
        return Math.exp(logits[positive] - max) / total;
    }

    @Override
    public double[] score(List<double[]> rows) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(rows.get(i));
        }
        return scores;
    }
}
