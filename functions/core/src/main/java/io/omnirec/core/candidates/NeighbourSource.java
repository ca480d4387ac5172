package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.RankedList;
import io.omnirec.core.domain.EventType;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Item-to-item candidates: the score of an item is the sum, over the shopper's history and the request's seeds (the
 * item on screen and the cart, see {@link ShopperRequest#seeds()}), of the neighbour weight from that item to it, each
 * history item weighted by how strongly the shopper engaged with it (a purchase counts fully, a view a fifth) and
 * each seed by {@link RequestContext#SEED_WEIGHT}.
 */
public final class NeighbourSource implements CandidateSource {
    private final String name;
    private final String index;

    /** @param index the neighbour index in the aggregates, e.g. {@link Aggregates#EASE} */
    public NeighbourSource(String name, String index) {
        this.name = name;
        this.index = index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(ShopperRequest request, Aggregates aggregates, int limit) {
        Map<String, Double> scores = new HashMap<>();
        // in id order, so that the sums (and the scores' last bits) never depend on map iteration order
        for (Map.Entry<String, Double> touched : new TreeMap<>(request.state().items()).entrySet()) {
            add(scores, aggregates.neighbours(index, touched.getKey()), historyWeight(touched.getValue()));
        }
        for (String seed : request.seeds()) {
            add(scores, aggregates.neighbours(index, seed), RequestContext.SEED_WEIGHT);
        }
        return new Proposal(Ranking.best(scores, limit), scores);
    }

    private static void add(Map<String, Double> scores, RankedList neighbours, double weight) {
        for (int k = 0; k < neighbours.size(); k++) {
            scores.merge(neighbours.ids()[k], weight * neighbours.scores()[k], Double::sum);
        }
    }

    /** How much a history item counts: its interaction weight relative to one purchase, at most 1. */
    public static double historyWeight(double interactionWeight) {
        return Math.min(1.0, interactionWeight / EventType.PURCHASE.affinityWeight());
    }
}
