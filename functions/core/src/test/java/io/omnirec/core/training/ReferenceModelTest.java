package io.omnirec.core.training;

import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.store.ShopperContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        TrainingConfig config = TrainingConfig.defaults(ReferenceModel.SEED);
        CandidateGenerator generator = new CandidateGenerator(config.candidates());
        FeatureRegistry registry = FeatureRegistry.forSources(generator.sourceNames());
        assertEquals(registry.names(), committed.card().featureSet().names());
        assertEquals(registry.version(), committed.card().featureSet().version());
        assertEquals(fresh.card().metrics(), committed.card().metrics());
        RankingModel committedModel = RankingModel.fromBytes(committed.modelBytes(), registry.names());
        RankingModel freshModel = RankingModel.fromBytes(fresh.modelBytes(), registry.names());
        List<CatalogItem> catalog = new ArrayList<>();
        world.features().forEachItem(catalog::add);
        Map<String, Customer> customers = new HashMap<>();
        world.features().forEachCustomer(c -> customers.put(c.userId(), c));
        Aggregates aggregates = new AggregateBuilder(config.aggregates()).build(world.events(), catalog, customers,
                ReferenceModel.CLOCK.instant());
        for (String user : List.of("u000001", "u000050", "u000299", "unknown")) {
            ShopperContext context = world.features().loadShopperContext(user);
            ShopperRequest request = new ShopperRequest(context.state(), context.profile(), null,
                    ReferenceModel.CLOCK.instant());
            CandidatePool pool = generator.generate(request, aggregates);
            assertArrayEquals(new ModelScorer(freshModel, registry).score(request, pool, aggregates),
                    new ModelScorer(committedModel, registry).score(request, pool, aggregates), 1e-12);
        }
    }
}
