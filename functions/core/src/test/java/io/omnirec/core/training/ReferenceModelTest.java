package io.omnirec.core.training;

import io.omnirec.core.features.ItemSnapshot;
import io.omnirec.core.features.UserState;
import io.omnirec.core.ranking.RankingFeatures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed reference model loads, matches its card, and equals a fresh training run of its recipe. */
class ReferenceModelTest {

    @Test
    void committed_shouldScoreLikeAFreshTrainingRun_whenRecipeIsUnchanged() throws IOException {
        ReferenceModel.World world = ReferenceModel.world();
        ModelArtifact fresh = ReferenceModel.train(world);
        if (Boolean.getBoolean("reference.write")) {
            ReferenceModel.write(fresh);
        }
        ModelArtifact committed = ReferenceModel.committed().verify();
        assertEquals(RankingFeatures.NAMES, committed.card().featureNames());
        assertEquals(fresh.card().metrics(), committed.card().metrics());
        RankingModel committedModel = RankingModel.fromBytes(committed.modelBytes());
        RankingModel freshModel = RankingModel.fromBytes(fresh.modelBytes());
        for (String user : List.of("u000001", "u000050", "u000299", "unknown")) {
            UserState state = world.features().loadShopperContext(user).state();
            List<ItemSnapshot> pool = world.features().loadShopperContext(user).popularItems();
            assertArrayEquals(new ModelScorer(freshModel).score(state, pool),
                    new ModelScorer(committedModel).score(state, pool), 1e-12);
        }
    }
}
