package io.omnirec.core.training;

import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.ingest.EventJson;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training and serving compute identical feature vectors: the state training replays for a shopper at their cutoff
 * equals the state ingest writes for the same events, and both go through the one {@link FeatureRegistry}.
 */
class SharedFeaturesTest {

    @Test
    void vectors_shouldBeIdentical_whenTrainingReplaysWhatServingIngested() {
        ReferenceModel.World world = ReferenceModel.world();
        Map<String, CatalogItem> catalog = new HashMap<>();
        world.features().forEachItem(item -> catalog.put(item.itemId(), item));
        Map<String, Customer> customers = new HashMap<>();
        world.features().forEachCustomer(c -> customers.put(c.userId(), c));
        ShopperSplit split = ShopperSplit.of(world.events(), catalog, 0.2, ShopperSplit.Mode.TIME, 42);
        List<ShopperEvent> featureEvents = new ArrayList<>();
        split.featureEvents(world.events()).forEach(featureEvents::add);

        InMemoryFeatureStore serving = new InMemoryFeatureStore();
        serving.upsertItems(List.copyOf(catalog.values()));
        serving.upsertCustomers(List.copyOf(customers.values()));
        IngestService ingest = new IngestService(new InMemoryEventStore(), serving,
                new io.omnirec.core.store.memory.InMemoryImpressionStore(), EventValidator.historical(ReferenceModel.CLOCK));
        for (int from = 0; from < featureEvents.size(); from += 100) {
            ingest.ingest(featureEvents.subList(from, Math.min(featureEvents.size(), from + 100)).stream()
                    .map(e -> (com.fasterxml.jackson.databind.JsonNode) EventJson.toNode(e)).toList());
        }
        Instant at = split.buildTimes().get(split.buildTimes().size() - 1);
        Aggregates aggregates = new AggregateBuilder(AggregateConfig.defaults())
                .build(split.eventsBefore(world.events(), at), catalog.values(), customers, at);
        CandidateGenerator generator = new CandidateGenerator(CandidateConfig.defaults());
        FeatureRegistry registry = FeatureRegistry.forSources(generator.sourceNames());

        List<String> shoppers = split.labels().keySet().stream().filter(s -> split.cutoffOf(s).equals(at))
                .sorted().limit(25).toList();
        assertTrue(shoppers.size() == 25);
        for (String shopper : shoppers) {
            ShopperRequest training = new ShopperRequest(split.stateAtCutoff(shopper),
                    Optional.ofNullable(customers.get(shopper)), null, at);
            var context = serving.loadShopperContext(shopper);
            ShopperRequest live = new ShopperRequest(context.state(), context.profile(), null, at);
            assertEquals(training.state(), live.state(), shopper);
            CandidatePool trainingPool = generator.generate(training, aggregates);
            CandidatePool livePool = generator.generate(live, aggregates);
            List<double[]> trainingVectors = registry.vectors(training, trainingPool, aggregates);
            List<double[]> liveVectors = registry.vectors(live, livePool, aggregates);
            assertEquals(trainingVectors.size(), liveVectors.size());
            for (int i = 0; i < trainingVectors.size(); i++) {
                assertArrayEquals(trainingVectors.get(i), liveVectors.get(i), 0.0, shopper + " candidate " + i);
            }
        }
    }
}
