package io.omnirec.core.training;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The compiled parameters score exactly like Tribuo's prediction path, for both model types recommend serves, also
 * after a round trip through their stored form; a stored form that is not one is refused.
 */
class CompiledScorerTest {
    static final List<String> NAMES = List.of("z_last", "a_first", "m_middle", "only_in_rows");

    static List<double[]> rows(long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 300; r++) {
            rows.add(new double[] {random.nextDouble(), random.nextGaussian(), random.nextBoolean() ? 0 : 3 * random.nextDouble(),
                random.nextDouble()});
        }
        return rows;
    }

    static Model<Label> train(org.tribuo.Trainer<Label> trainer) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        // the last feature never appears in training, as a feature a newer registry adds would not
        String[] trained = NAMES.subList(0, 3).toArray(String[]::new);
        for (double[] row : rows(1)) {
            double[] values = {row[0], row[1], row[2]};
            String label = row[0] + 0.5 * row[1] - 0.3 * row[2] > 0.4 ? RankingModel.BUY : RankingModel.SKIP;
            data.add(new ArrayExample<>(new Label(label), trained, values));
        }
        return trainer.train(data);
    }

    @Test
    void score_shouldEqualTribuosPredictions_whenTheModelIsLinearOrAFactorizationMachine() throws IOException {
        for (org.tribuo.Trainer<Label> trainer : List.<org.tribuo.Trainer<Label>>of(
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, 1),
                new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, 1, 4, 0.1))) {
            RankingModel model = new RankingModel(train(trainer), NAMES);
            List<double[]> rows = rows(2);
            assertArrayEquals(model.tribuoScore(rows), model.score(rows), 1e-12, trainer.toString());
            CompiledScorer stored = CompiledScorer.fromBytes(model.compiled().orElseThrow().toBytes(), NAMES);
            assertArrayEquals(model.tribuoScore(rows), stored.score(rows), 1e-12, "stored: " + trainer);
        }
        ModelArtifact reference = ReferenceModel.committed();
        RankingModel served = RankingModel.fromBytes(reference.modelBytes(), reference.card().featureSet().names());
        List<double[]> rows = new ArrayList<>();
        Random random = new Random(3);
        for (int r = 0; r < 100; r++) {
            rows.add(random.doubles(reference.card().featureSet().names().size()).toArray());
        }
        assertArrayEquals(served.tribuoScore(rows), served.score(rows), 1e-12);
        CompiledScorer scorer = CompiledScorer.fromBytes(reference.files().get(ModelCard.SCORER),
                reference.card().featureSet().names());
        assertArrayEquals(served.tribuoScore(rows), scorer.score(rows), 1e-12, "the committed scorer");
    }

    @Test
    void fromBytes_shouldRefuseAScorerThatIsNotOne_orDoesNotFitTheFeatures() {
        byte[] good = new RankingModel(train(new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, 1)),
                NAMES).compiled().orElseThrow().toBytes();
        String json = new String(good, StandardCharsets.UTF_8);
        assertThrows(CorruptModelException.class, () -> CompiledScorer.fromBytes(good, List.of("a", "b", "c", "d")));
        for (String bad : List.of("", "not json", "{}", "[1,2]", json.replace(CompiledScorer.FORMAT, "other/1"),
                json.replace("\"positive\":\"buy\"", "\"positive\":\"maybe\""),
                json.replaceFirst("\"bias\":\\[[^\\]]*\\]", "\"bias\":[1.0]"),
                json.replaceFirst("\"weights\":\\[\\[[^\\]]*\\]", "\"weights\":[[1.0]"),
                json.replaceFirst("\"bias\":\\[[^,]*,", "\"bias\":[\"NaN\","),
                json.replace("}", ",\"extra\":1}"))) {
            assertThrows(CorruptModelException.class,
                    () -> CompiledScorer.fromBytes(bad.getBytes(StandardCharsets.UTF_8), NAMES), bad);
        }
    }
}
