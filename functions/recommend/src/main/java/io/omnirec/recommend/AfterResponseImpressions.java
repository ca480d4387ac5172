package io.omnirec.recommend;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.experiments.VariantTally;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.runtime.AfterResponse;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each answer's impression after the answer is sent ({@link AfterResponse}), so that the write is not a second
 * round trip the shopper waits for. As before, a failed write does not fail the answer: it is logged, and responses
 * to that answer are not credited. Everything else goes straight to the store.
 */
final class AfterResponseImpressions implements ImpressionStore {
    private static final Logger LOG = Logger.getLogger(AfterResponseImpressions.class.getName());

    private final ImpressionStore store;
    private final AfterResponse afterResponse;

    AfterResponseImpressions(ImpressionStore store, AfterResponse afterResponse) {
        this.store = store;
        this.afterResponse = afterResponse;
    }

    @Override
    public void record(Impression impression) {
        afterResponse.execute(() -> {
            try {
                store.record(impression);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot keep impression " + impression.recommendationId()
                        + "; it was served uncredited", e);
            }
        });
    }

    @Override
    public Attribution.Outcome credit(ShopperEvent event) {
        return store.credit(event);
    }

    @Override
    public int eraseShopper(String shopperKey) {
        return store.eraseShopper(shopperKey);
    }

    @Override
    public Map<String, VariantTally> tally(String experimentId) {
        return store.tally(experimentId);
    }
}
