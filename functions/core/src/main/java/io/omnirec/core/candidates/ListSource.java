package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.RankedList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Candidates from one of the ranked lists in the aggregates, chosen per request: the global popularity, trending or
 * new-arrivals list, the shopper's segment list or the list of the store they are in (or their home store).
 */
public final class ListSource implements CandidateSource {
    private final String name;
    private final Function<ShopperRequest, Optional<String>> listName;

    public ListSource(String name, Function<ShopperRequest, Optional<String>> listName) {
        this.name = name;
        this.listName = listName;
    }

    public static ListSource global(String name, String list) {
        return new ListSource(name, request -> Optional.of(list));
    }

    public static ListSource segment(String name) {
        return new ListSource(name, request -> request.profile().map(Aggregates::segmentKey));
    }

    public static ListSource store(String name) {
        return new ListSource(name, request -> request.effectiveStore().map(Aggregates::storeKey));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(ShopperRequest request, Aggregates aggregates, int limit) {
        Optional<String> list = listName.apply(request);
        if (list.isEmpty()) {
            return Proposal.NONE;
        }
        RankedList ranked = aggregates.list(list.get());
        int size = Math.min(limit, ranked.size());
        List<ScoredItem> items = new ArrayList<>(size);
        Map<String, Double> scored = new HashMap<>(ranked.size() * 2);
        for (int i = 0; i < ranked.size(); i++) {
            if (i < size) {
                items.add(new ScoredItem(ranked.ids()[i], ranked.scores()[i]));
            }
            scored.put(ranked.ids()[i], (double) ranked.scores()[i]);
        }
        return new Proposal(items, scored);
    }
}
