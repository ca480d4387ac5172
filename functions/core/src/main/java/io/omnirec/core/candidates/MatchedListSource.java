package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.aggregates.RankedList;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.features.UserState;

import java.util.HashMap;
import java.util.Map;

/**
 * Cold start for items: a ranked list (e.g. the new arrivals) re-ranked for the shopper by how well each item matches
 * what they engage with, its sub-category, top category and brand shares of their affinities. Items with no history
 * yet reach shoppers who like their kind instead of only the list's top; a shopper without history gets the list's
 * own order.
 */
public final class MatchedListSource implements CandidateSource {
    /** What an item of the list counts without any match, relative to a full match on all three shares. */
    private static final double PRIOR = 0.05;

    private final String name;
    private final String list;

    public MatchedListSource(String name, String list) {
        this.name = name;
        this.list = list;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(ShopperRequest request, Aggregates aggregates, int limit) {
        RankedList ranked = aggregates.list(list);
        if (ranked.size() == 0) {
            return Proposal.NONE;
        }
        UserState state = request.state();
        double top = Math.max(ranked.scores()[0], Float.MIN_VALUE);
        Map<String, Double> scores = new HashMap<>(ranked.size() * 2);
        for (int i = 0; i < ranked.size(); i++) {
            ItemFacts facts = aggregates.items().get(ranked.ids()[i]);
            if (facts == null) {
                continue;
            }
            CatalogItem item = facts.item();
            double match = state.share(UserState.categoryKey(item.category()))
                    + state.share(UserState.topCategoryKey(item.topCategory()))
                    + state.share(UserState.brandKey(item.brand()));
            scores.put(item.itemId(), (PRIOR + match) * ranked.scores()[i] / top);
        }
        return new Proposal(Ranking.best(scores, limit), scores);
    }
}
