package io.omnirec.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.aggregates.AggregateBuilder;
import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.store.memory.InMemoryAggregateStore;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingOutcome;
import io.omnirec.core.training.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code omnirec-eval bench-train}: wall time and peak heap of the batch work (aggregates job plus training) on
 * synthetic histories of the given sizes, each in its own JVM with the heap the train function gets (3 GB), and the
 * growth between consecutive sizes.
 */
@Command(name = "bench-train", mixinStandardHelpOptions = true,
        description = "Training benchmark: wall time and peak heap at each history size, each in a fresh JVM.")
final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--interactions", split = ",", defaultValue = "10000,100000,1000000",
            description = "history sizes in events, comma separated")
    List<Integer> sizes;

    @Option(names = "--heap", defaultValue = "3g")
    String heap;

    @Option(names = "--single", hidden = true, description = "run one size in this JVM")
    boolean single;

    @Option(names = "--json", description = "also write the rows as JSON to this file")
    Path json;

    /** One size's figures; times in seconds, memory in MB. */
    record Row(long events, int shoppers, int items, String model, double seconds, double aggregatesSeconds,
               double trainingSeconds, double holdingMb, double peakHeapMb) {
    }

    @Override
    public Integer call() throws Exception {
        if (single) {
            measure(sizes.get(0));
            return 0;
        }
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), OmnirecEval.class.getName(),
                    "bench-train", "--single", "--interactions", String.valueOf(size))
                    .redirectErrorStream(true).start();
            String result = null;
            String output = new String(process.getInputStream().readAllBytes());
            for (String line : output.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                }
            }
            if (process.waitFor() != 0 || result == null) {
                System.out.println(size + " events: the run failed:\n" + output.substring(Math.max(0, output.length() - 3000)));
                return 1;
            }
            String[] f = result.split(" ");
            Row row = new Row(Long.parseLong(f[0]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4],
                    Double.parseDouble(f[1]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]));
            System.out.printf("%,d events: %.1f s, peak heap %.0f MB%n", row.events(), row.seconds(), row.peakHeapMb());
            rows.add(row);
        }
        System.out.println("| events | shoppers | items | model | wall time | heap holding the data | peak heap | growth |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Row p = i == 0 ? null : rows.get(i - 1);
            String growth = p == null ? "" : String.format(" %.1fx events, %.1fx time, %.1fx peak heap",
                    (double) r.events() / p.events(), r.seconds() / p.seconds(), r.peakHeapMb() / p.peakHeapMb());
            System.out.printf("| %,d | %d | %d | %s | %.1f s (aggregates %.1f, training %.1f) | %.0f MB | %.0f MB |%s |%n",
                    r.events(), r.shoppers(), r.items(), r.model(), r.seconds(), r.aggregatesSeconds(),
                    r.trainingSeconds(), r.holdingMb(), r.peakHeapMb(), growth);
        }
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(),
                    Map.of("heap", heap, "rows", rows));
        }
        return 0;
    }

    private static void measure(int events) {
        int shoppers = Math.max(100, events / 40);
        int items = Math.max(500, shoppers / 5);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        SyntheticDataset data = new SyntheticRetailGenerator(new SyntheticRetailGenerator.Config(42, shoppers, items,
                90, start, 10.0 * events / (shoppers * 40.0))).generate();
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        features.upsertItems(data.items());
        features.upsertCustomers(data.customers());
        Map<String, CatalogItem> catalog = new HashMap<>();
        data.items().forEach(i -> catalog.put(i.itemId(), i));
        data.events().forEach(e -> {
            store.putIfAbsent(e);
            features.apply(InteractionUpdate.of(e, Optional.ofNullable(catalog.get(e.itemId()))));
        });
        int eventCount = data.events().size();
        data = null;
        System.gc();
        double holding = heapUsedMb();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Clock clock = Clock.fixed(start.plusSeconds(90L * 86_400), ZoneOffset.UTC);
        TrainingConfig config = TrainingConfig.defaults(42);
        long t0 = System.nanoTime();
        new AggregatesJob(store, features, new InMemoryAggregateStore(), new AggregateBuilder(config.aggregates()),
                clock).run();
        long t1 = System.nanoTime();
        TrainingOutcome outcome = new TrainingService(store, features, new InMemoryModelStore(), clock)
                .trainAndPromote(config);
        long t2 = System.nanoTime();
        System.out.printf("RESULT %d %.3f %d %d %s %.1f %.1f %.3f %.3f%n", eventCount, (t2 - t0) / 1e9, shoppers, items,
                outcome.status(), holding, peakHeapMb(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static double heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak heap in use. */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
