package io.omnirec.core.store;

import io.omnirec.core.store.memory.InMemoryHeatCounters;
import io.omnirec.core.store.memory.InMemoryAggregateStore;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import io.omnirec.core.store.memory.InMemoryModelStore;
import io.omnirec.core.store.memory.InMemoryRebuildQueue;
import org.junit.jupiter.api.Nested;

/** The store contracts, run against the in-memory implementations. */
class InMemoryStoresTest {

    @Nested
    class Events extends EventStoreContract {
        @Override
        protected EventStore newStore() {
            return new InMemoryEventStore();
        }
    }

    @Nested
    class Features extends FeatureStoreContract {
        @Override
        protected FeatureStore newStore() {
            return new InMemoryFeatureStore();
        }
    }

    @Nested
    class Heat extends HeatCountersContract {
        @Override
        protected HeatCounters newCounters() {
            return new InMemoryHeatCounters();
        }
    }

    @Nested
    class Rebuilds extends RebuildQueueContract {
        @Override
        protected RebuildQueue newQueue() {
            return new InMemoryRebuildQueue();
        }
    }

    @Nested
    class Impressions extends ImpressionStoreContract {
        @Override
        protected ImpressionStore newStore() {
            return new InMemoryImpressionStore();
        }
    }

    @Nested
    class Models extends ModelStoreContract {
        @Override
        protected ModelStore newStore() {
            return new InMemoryModelStore();
        }
    }

    @Nested
    class AggregateBuilds extends AggregateStoreContract {
        @Override
        protected AggregateStore newStore() {
            return new InMemoryAggregateStore();
        }
    }
}
