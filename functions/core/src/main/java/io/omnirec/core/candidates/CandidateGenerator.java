package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.ItemFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the configured sources for a request and merges what they propose into one {@link CandidatePool}. */
public final class CandidateGenerator {
    private final List<CandidateSource> sources;
    private final int[] limits;
    private final List<String> names;

    public CandidateGenerator(CandidateConfig config) {
        this.sources = new ArrayList<>();
        this.limits = new int[config.limits().size()];
        int i = 0;
        for (Map.Entry<String, Integer> entry : config.limits().entrySet()) {
            sources.add(source(entry.getKey()));
            limits[i++] = entry.getValue();
        }
        this.names = sources.stream().map(CandidateSource::name).toList();
    }

    /** The source registered under {@code name}; {@link IllegalArgumentException} for an unknown one. */
    public static CandidateSource source(String name) {
        return switch (name) {
            case "cooccurrence" -> new NeighbourSource(name, Aggregates.COOCCURRENCE);
            case "ease" -> new NeighbourSource(name, Aggregates.EASE);
            case "rp3" -> new NeighbourSource(name, Aggregates.RP3);
            case "content" -> new NeighbourSource(name, Aggregates.CONTENT);
            case "popular" -> ListSource.global(name, Aggregates.POPULAR);
            case "trending" -> ListSource.global(name, Aggregates.TRENDING);
            case "new" -> ListSource.global(name, Aggregates.NEW);
            case "new_for_you" -> new MatchedListSource(name, Aggregates.NEW);
            case "replenish" -> new ReplenishSource(name);
            case "segment" -> ListSource.segment(name);
            case "store" -> ListSource.store(name);
            default -> throw new IllegalArgumentException("unknown candidate source: " + name);
        };
    }

    public List<String> sourceNames() {
        return names;
    }

    public CandidatePool generate(ShopperRequest request, Aggregates aggregates) {
        return generate(request, aggregates, List.of());
    }

    /**
     * The pool with {@code required} items in it too (those the aggregates know), each carrying what every source
     * scored it: how a caller's own list (a search or category page) is ranked with the same features.
     */
    public CandidatePool generate(ShopperRequest request, Aggregates aggregates, List<String> required) {
        Map<String, Candidate> merged = new LinkedHashMap<>();
        double[] maxScores = new double[sources.size()];
        Proposal[] proposals = new Proposal[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            proposals[s] = sources.get(s).propose(request, aggregates, limits[s]);
            List<ScoredItem> proposed = proposals[s].best();
            for (int rank = 0; rank < proposed.size(); rank++) {
                ScoredItem item = proposed.get(rank);
                Candidate candidate = merged.get(item.itemId());
                if (candidate == null) {
                    ItemFacts facts = aggregates.items().get(item.itemId());
                    if (facts == null) {
                        continue;
                    }
                    int[] ranks = new int[sources.size()];
                    java.util.Arrays.fill(ranks, -1);
                    candidate = new Candidate(facts, new double[sources.size()], ranks);
                    merged.put(item.itemId(), candidate);
                }
                candidate.scores()[s] = item.score();
                candidate.ranks()[s] = rank;
                maxScores[s] = Math.max(maxScores[s], item.score());
            }
        }
        for (String itemId : required) {
            ItemFacts facts = aggregates.items().get(itemId);
            if (facts != null && !merged.containsKey(itemId)) {
                int[] ranks = new int[sources.size()];
                java.util.Arrays.fill(ranks, -1);
                merged.put(itemId, new Candidate(facts, new double[sources.size()], ranks));
            }
        }
        // what each source says about the candidates other sources proposed
        for (Candidate candidate : merged.values()) {
            for (int s = 0; s < sources.size(); s++) {
                if (candidate.ranks()[s] < 0) {
                    candidate.scores()[s] = proposals[s].scoreOf(candidate.itemId());
                }
            }
        }
        return new CandidatePool(names, new ArrayList<>(merged.values()), maxScores);
    }
}
