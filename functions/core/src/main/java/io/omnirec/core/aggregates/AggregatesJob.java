package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.store.AggregateStore;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The batch feature job: reads catalog, customers and the event history ({@link EventStore#history}), builds the aggregates and saves them as a
 * new build. Idempotent: running it twice on the same data saves an equal build. Runs after an import and on the
 * schedule before training.
 */
public final class AggregatesJob {
    private static final Logger LOG = Logger.getLogger(AggregatesJob.class.getName());

    private final EventStore events;
    private final FeatureStore features;
    private final AggregateStore store;
    private final AggregateBuilder builder;
    private final Clock clock;

    public AggregatesJob(EventStore events, FeatureStore features, AggregateStore store, AggregateBuilder builder,
                         Clock clock) {
        this.events = events;
        this.features = features;
        this.store = store;
        this.builder = builder;
        this.clock = clock;
    }

    public Aggregates run() {
        List<CatalogItem> catalog = new ArrayList<>();
        features.forEachItem(catalog::add);
        Map<String, Customer> customers = new HashMap<>();
        features.forEachCustomer(c -> customers.put(c.userId(), c));
        Instant now = clock.instant();
        Aggregates built = builder.build(events.history(now).withItems(), catalog, customers, now);
        store.save(built);
        LOG.info("saved aggregates " + built.version() + " over " + catalog.size() + " items");
        return built;
    }
}
