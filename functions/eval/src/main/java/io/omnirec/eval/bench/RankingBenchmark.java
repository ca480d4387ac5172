package io.omnirec.eval.bench;

import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregateConfig;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.CandidateConfig;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.ranking.Scorer;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import io.omnirec.core.training.ModelLoader;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingService;
import io.omnirec.core.features.InteractionUpdate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ranking compute of recommend for the largest candidate pool among 300 shoppers (about 500 candidates): feature vectors from the registry and the trained
 * model's scores (what happens after the store read). {@code candidates} measures candidate generation alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RankingBenchmark {
    ShopperRequest request;
    Aggregates aggregates;
    CandidateGenerator generator;
    CandidatePool pool;
    Scorer model;

    @Setup(Level.Trial)
    public void setUp() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        SyntheticDataset data = new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(42, 3000, 2000, 60,
                start, 10)).generate();
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(data.items());
        features.upsertCustomers(data.customers());
        Map<String, io.omnirec.core.domain.CatalogItem> catalog = new HashMap<>();
        data.items().forEach(i -> catalog.put(i.itemId(), i));
        data.events().forEach(e -> {
            events.putIfAbsent(e);
            features.apply(InteractionUpdate.of(e, Optional.ofNullable(catalog.get(e.itemId()))));
        });
        Instant now = start.plusSeconds(60L * 86_400);
        Map<String, Customer> customers = new HashMap<>();
        data.customers().forEach(c -> customers.put(c.userId(), c));
        aggregates = new AggregateBuilder(AggregateConfig.defaults()).build(events, data.items(), customers, now);
        InMemoryModelStore models = new InMemoryModelStore();
        TrainingConfig config = TrainingConfig.defaults(42);
        io.omnirec.core.training.ModelCard card = new TrainingService(events, features, models,
                Clock.fixed(now, ZoneOffset.UTC)).trainAndPromote(config).card();
        String version = card.version();
        generator = new CandidateGenerator(config.candidates());
        ActiveModel active = ModelLoader.serve(ModelLoader.load(models, version).orElseThrow(),
                FeatureRegistry.forSources(generator.sourceNames()));
        model = active.scorer().orElseThrow();
        // the shopper with the largest candidate pool among the first 300, to measure a pool of about 500
        for (int i = 1; i <= 300; i++) {
            var context = features.loadShopperContext(String.format("u%06d", i));
            ShopperRequest candidate = new ShopperRequest(context.state(), context.profile(), null, now);
            CandidatePool candidatePool = generator.generate(candidate, aggregates);
            if (pool == null || candidatePool.size() > pool.size()) {
                request = candidate;
                pool = candidatePool;
            }
        }
        System.out.println("candidate pool: " + pool.size() + " items; model: " + card.algorithm());
    }

    @Benchmark
    public double[] rank() {
        return model.score(request, pool, aggregates);
    }

    @Benchmark
    public CandidatePool candidates() {
        return generator.generate(request, aggregates);
    }
}
