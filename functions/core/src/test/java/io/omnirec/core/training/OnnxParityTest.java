package io.omnirec.core.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ONNX export stored with each model scores like the Tribuo model it was exported from. */
class OnnxParityTest {

    @Test
    void onnxExport_shouldScoreLikeTribuo_whenRunInOnnxRuntime() throws Exception {
        ModelArtifact artifact = ReferenceModel.committed().verify();
        List<String> names = artifact.card().featureSet().names();
        RankingModel model = RankingModel.fromBytes(artifact.modelBytes(), names);
        Random random = new Random(42);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            double[] row = new double[names.size()];
            for (int f = 0; f < row.length; f++) {
                row[f] = random.nextDouble() < 0.3 ? 0 : random.nextDouble() * (random.nextBoolean() ? 1 : 4);
            }
            rows.add(row);
        }
        double[] tribuo = model.score(rows);

        // ONNX column j is the feature whose Tribuo id is j; the output column of "buy" is its label id
        var featureIds = model.tribuoModel().getFeatureIDMap();
        float[][] input = new float[rows.size()][featureIds.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int f = 0; f < names.size(); f++) {
                var info = featureIds.get(names.get(f));
                if (info != null) {
                    input[r][info.getID()] = (float) rows.get(r)[f];
                }
            }
        }
        int buy = model.tribuoModel().getOutputIDInfo().getID(new Label(RankingModel.BUY));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(artifact.files().get(ModelCard.ONNX), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, input);
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            float[][] output = (float[][]) result.get(0).getValue();
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(tribuo[r], output[r][buy], 1e-5, "row " + r);
            }
        }
    }
}
