package io.omnirec.core.store;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.experiments.VariantTally;

import java.util.Map;

/** The answers served, kept for a while so that the shoppers' responses can be credited to them. */
public interface ImpressionStore {

    /** Keeps one answer, with one write. */
    void record(Impression impression);

    /**
     * Credits an event that carries a recommendation id to that answer, at the position the answer showed the
     * event's item.
     */
    Attribution.Outcome credit(ShopperEvent event);

    /** Removes every answer served to a shopper key (erasure); returns how many. */
    int eraseShopper(String shopperKey);

    /** What each variant of the experiment got, keyed by variant. */
    Map<String, VariantTally> tally(String experimentId);
}
