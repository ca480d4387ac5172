package io.omnirec.core.training;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A trained Tribuo classifier over named ranking features; the score of a candidate is P(buy). */
public final class RankingModel {
    public static final String BUY = "buy";
    public static final String SKIP = "skip";

    private final Model<Label> model;
    private final String[] featureNames;
    private final java.util.Optional<CompiledScorer> compiled;

    public RankingModel(Model<Label> model, List<String> featureNames) {
        this.model = model;
        this.featureNames = featureNames.toArray(String[]::new);
        this.compiled = CompiledScorer.of(model, featureNames);
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
    public double[] score(List<double[]> rows) {
        if (compiled.isPresent()) {
            double[] scores = new double[rows.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = compiled.get().score(rows.get(i));
            }
            return scores;
        }
        return tribuoScore(rows);
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
