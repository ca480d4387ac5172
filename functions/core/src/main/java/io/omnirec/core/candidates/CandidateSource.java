package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.Aggregates;

/** A named way of proposing items for a shopper. Sources read only the request and the cached aggregates. */
public interface CandidateSource {

    /** The name configuration and features refer to, e.g. {@code ease}. */
    String name();

    /**
     * At most {@code limit} items, best first, and the scores of everything scored on the way. May propose items the
     * shopper already has; rules filter later.
     */
    Proposal propose(ShopperRequest request, Aggregates aggregates, int limit);
}
