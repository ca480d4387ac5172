package io.omnirec.core.training;

import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractFMModel;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A trained Tribuo classifier over named ranking features; the score of a candidate is P(buy). */
public final class RankingModel implements RowScorer {
    public static final String BUY = "buy";
    public static final String SKIP = "skip";

    private final Model<Label> model;
    private final String[] featureNames;
    private final Optional<CompiledScorer> compiled;

    public RankingModel(Model<Label> model, List<String> featureNames) {
        this.model = model;
        this.featureNames = featureNames.toArray(String[]::new);
        this.compiled = compile(model, featureNames);
    }

    /** The model's parameters read out of Tribuo, what recommend loads instead of it; empty for another model type. */
    public Optional<CompiledScorer> compiled() {
        return compiled;
    }

    /**
     * Reads the parameters of a linear or factorization-machine model in {@code featureNames}' order (a feature
     * the model never saw weighs nothing); empty for another model type.
     */
    static Optional<CompiledScorer> compile(Model<Label> model, List<String> featureNames) {
        ImmutableFeatureMap map = model.getFeatureIDMap();
        int[] ids = featureNames.stream().mapToInt(map::getID).toArray();
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < model.getOutputIDInfo().size(); l++) {
            labels.add(model.getOutputIDInfo().getOutput(l).getLabel());
        }
        int count = labels.size();
        double[] bias = new double[count];
        if (model instanceof AbstractLinearSGDModel<Label> linear) {
            DenseMatrix w = linear.getWeightsCopy();
            for (int l = 0; l < count; l++) {
                bias[l] = w.get(l, map.size());
            }
            return Optional.of(new CompiledScorer(featureNames, labels, BUY, bias, weights(w, ids, count), null));
        }
        if (model instanceof AbstractFMModel<Label> fm) {
            DenseVector b = fm.getBiasesCopy();
            Tensor[] v = fm.getFactorsCopy();
            double[][][] factors = new double[count][ids.length][];
            for (int l = 0; l < count; l++) {
                DenseMatrix factor = (DenseMatrix) v[l]; // [factor size x features]
                int size = factor.getDimension1Size();
                for (int f = 0; f < ids.length; f++) {
                    factors[l][f] = new double[size];
                    for (int k = 0; k < size && ids[f] >= 0; k++) {
                        factors[l][f][k] = factor.get(k, ids[f]);
                    }
                }
                bias[l] = b.get(l);
            }
            return Optional.of(new CompiledScorer(featureNames, labels, BUY, bias,
                    weights(fm.getLinearWeightsCopy(), ids, count), factors));
        }
        return Optional.empty();
    }

    /** Per label, the weight of each feature in registry order ({@code ids}: Tribuo's id of each, -1 if unseen). */
    private static double[][] weights(DenseMatrix w, int[] ids, int labels) {
        double[][] weights = new double[labels][ids.length];
        for (int l = 0; l < labels; l++) {
            for (int f = 0; f < ids.length; f++) {
                weights[l][f] = ids[f] < 0 ? 0 : w.get(l, ids[f]);
            }
        }
        return weights;
    }

    public Model<Label> tribuoModel() {
        return model;
    }

    /** Reads a Tribuo protobuf model file; throws {@link CorruptModelException} if it is not a label model. */
    @SuppressWarnings("unchecked")
    public static RankingModel fromBytes(byte[] bytes, List<String> featureNames) {
        Model<?> loaded;
        try {
            loaded = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new CorruptModelException("not a Tribuo protobuf model: " + e.getMessage(), e);
        }
        if (!loaded.validate(Label.class)) {
            throw new CorruptModelException("the model does not predict labels");
        }
        Model<Label> model = (Model<Label>) loaded;
        if (model.getOutputIDInfo().getID(new Label(BUY)) < 0) {
            throw new CorruptModelException("the model does not predict the label '" + BUY + "'");
        }
        return new RankingModel(model, featureNames);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serializeToStream(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the model", e);
        }
        return out.toByteArray();
    }

    /** A Tribuo example for one feature row. */
    Example<Label> example(Label label, double[] row) {
        return new ArrayExample<>(label, featureNames, row);
    }

    /** P(buy) for each feature row; the compiled parameters when the model type allows, else Tribuo. */
    @Override
    public double[] score(List<double[]> rows) {
        return compiled.isPresent() ? compiled.get().score(rows) : tribuoScore(rows);
    }

    /** P(buy) for each feature row through Tribuo's own prediction path. */
    double[] tribuoScore(List<double[]> rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            examples.add(example(LabelFactory.UNKNOWN_LABEL, row));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).getOutputScores().get(BUY).getScore();
        }
        return scores;
    }
}
