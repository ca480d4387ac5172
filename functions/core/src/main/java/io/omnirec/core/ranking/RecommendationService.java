package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ShopperContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recommends for one shopper or anonymous session: read the shopper's context in one round trip, gather candidates from the named sources
 * over the cached aggregates, score them with the active model (a fallback chain of the sources when no model is
 * available), apply the business rules and the {@link Diversity} cap, and explain each item by the source that proposed
 * it most strongly.
 */
public final class RecommendationService {

    private final FeatureStore features;
    private final Supplier<Aggregates> aggregates;
    private final CandidateGenerator candidates;
    private final Supplier<ActiveModel> activeModel;
    private final Supplier<String> recommendationIds;
    private final Clock clock;
    private final Diversity diversity;
    private final Scorer fallback = new FallbackScorer(FallbackScorer.DEFAULT_CHAIN);

    public RecommendationService(FeatureStore features, Supplier<Aggregates> aggregates, CandidateGenerator candidates,
                                 Supplier<ActiveModel> activeModel, Supplier<String> recommendationIds, Clock clock) {
        this(features, aggregates, candidates, activeModel, recommendationIds, clock, Diversity.DEFAULT);
    }

    public RecommendationService(FeatureStore features, Supplier<Aggregates> aggregates, CandidateGenerator candidates,
                                 Supplier<ActiveModel> activeModel, Supplier<String> recommendationIds, Clock clock,
                                 Diversity diversity) {
        this.diversity = diversity;
        this.features = features;
        this.aggregates = aggregates;
        this.candidates = candidates;
        this.activeModel = activeModel;
        this.recommendationIds = recommendationIds;
        this.clock = clock;
    }

    /** Recommendations for an online request. */
    public Recommendations recommend(String userId, int k) {
        return recommend(userId, RecommendationQuery.of(k));
    }

    /** Recommendations for a request from {@code storeId} ({@code null} online). */
    public Recommendations recommend(String userId, String storeId, int k) {
        return recommend(userId, RecommendationQuery.of(k, storeId));
    }

    /** Recommendations for {@code userId} as {@code query} asks. */
    public Recommendations recommend(String userId, RecommendationQuery query) {
        Identifiers.requireValid("userId", userId);
        return answer(userId, null, query);
    }

    /**
     * Recommendations for an anonymous visitor, from what their session did alone (the events sent with this
     * {@code sessionId} and no {@code userId}) and the request's store.
     */
    public Recommendations recommendForSession(String sessionId, RecommendationQuery query) {
        return answer(ShopperKeys.session(sessionId), sessionId, query);
    }

    private Recommendations answer(String key, String sessionId, RecommendationQuery query) {
        Scored scored = score(key, query, List.of());
        List<Recommendations.RecommendedItem> items = scored.answer(TopK.select(scored.pool, scored.scores,
                BusinessRules.eligible(scored.request, query, scored.unavailable), query.k(), diversity));
        return new Recommendations(recommendationIds.get(), sessionId == null ? key : null, sessionId,
                scored.strategy(), scored.modelVersion(), scored.model.status(), scored.aggregates.version(), items);
    }

    /**
     * The caller's items in the order the same candidates, features, model and rules give them for the shopper; the
     * items recommend would not show, or the catalog does not know, are listed apart with the reason.
     */
    public Reranked rank(RankQuery rank) {
        Identifiers.requireValid("userId", rank.userId());
        Scored scored = score(rank.userId(), rank.query(), rank.itemIds());
        Set<String> asked = Set.copyOf(rank.itemIds());
        java.util.function.Predicate<Candidate> eligible = BusinessRules.eligible(scored.request, rank.query(),
                scored.unavailable);
        Set<String> shown = new HashSet<>();
        scored.pool.candidates().forEach(c -> {
            if (asked.contains(c.itemId()) && eligible.test(c)) {
                shown.add(c.itemId());
            }
        });
        List<Recommendations.RecommendedItem> items = scored.answer(TopK.select(scored.pool, scored.scores,
                c -> shown.contains(c.itemId()), rank.query().k()));
        List<Reranked.Removed> removed = new ArrayList<>();
        for (String itemId : rank.itemIds()) {
            if (scored.aggregates.item(itemId).isEmpty()) {
                removed.add(new Reranked.Removed(itemId, "unknown_item"));
            } else if (!shown.contains(itemId)) {
                removed.add(new Reranked.Removed(itemId, "not_eligible"));
            }
        }
        return new Reranked(recommendationIds.get(), rank.userId(), scored.strategy(), scored.modelVersion(),
                scored.model.status(), scored.aggregates.version(), items, removed);
    }

    /** One shopper's scored pool. */
    private record Scored(ShopperRequest request, Set<String> unavailable, Aggregates aggregates, CandidatePool pool,
                          ActiveModel model, double[] scores) {
        /** {@code model} or {@code fallback}, then the kind of cold start when there is one ({@link ColdStart}). */
        String strategy() {
            String scorer = model.scorer().isPresent() ? "model" : "fallback";
            return ColdStart.of(request).map(cold -> scorer + ":" + cold.wireName()).orElse(scorer);
        }

        String modelVersion() {
            return model.scorer().isPresent() ? model.version() : null;
        }

        List<Recommendations.RecommendedItem> answer(List<TopK.Scored> chosen) {
            return chosen.stream()
                    .map(s -> new Recommendations.RecommendedItem(s.candidate().itemId(),
                            s.candidate().facts().item().title(), s.candidate().facts().item().category(), s.score(),
                            Reasons.of(s.candidate(), pool.sourceNames(), request, aggregates)))
                    .toList();
        }
    }

    private Scored score(String userId, RecommendationQuery query, List<String> required) {
        ShopperContext context = features.loadShopperContext(userId, BusinessRules.stockLocation(query));
        ShopperRequest request = new ShopperRequest(context.state(), context.profile(), query.storeId(),
                clock.instant(), query.context());
        Aggregates current = aggregates.get();
        CandidatePool pool = candidates.generate(request, current, required);
        ActiveModel model = activeModel.get();
        Scorer scorer = model.scorer().orElse(fallback);
        return new Scored(request, context.unavailable(), current, pool, model, scorer.score(request, pool, current));
    }

    /** The sentence a shopper reads next to an item: why the strongest source proposed it. */
    static final class Reasons {
        private static final List<String> ITEM_TO_ITEM = List.of("cooccurrence", "ease", "rp3", "content");

        private Reasons() {
        }

        static String of(Candidate candidate, List<String> sources, ShopperRequest request, Aggregates aggregates) {
            int best = candidate.bestSource();
            String source = best < 0 ? "" : sources.get(best);
            if (ITEM_TO_ITEM.contains(source)) {
                String seeded = fromSeeds(candidate.itemId(), request, aggregates);
                if (seeded != null) {
                    return seeded;
                }
            }
            return switch (source) {
                case "cooccurrence", "rp3" -> "Often bought together with items you bought";
                case "ease" -> "Shoppers with your taste chose it";
                case "content" -> "Similar to items you liked";
                case "segment" -> "Popular with shoppers like you";
                case "store" -> "Popular at your store";
                case "trending" -> "Trending now";
                case "new" -> "New arrival";
                case "new_for_you" -> "New in " + candidate.facts().item().topCategory() + ", a kind you like";
                case "replenish" -> restock(candidate, request);
                default -> "Popular with shoppers right now";
            };
        }

        /** "Time to restock: bought 27 days ago, lasts about 30 days". */
        private static String restock(Candidate candidate, ShopperRequest request) {
            Long last = request.state().purchases().get(candidate.itemId());
            long days = last == null ? 0 : (request.at().getEpochSecond() - last) / 86_400;
            return "Time to restock: bought " + days + " days ago, lasts about "
                    + candidate.facts().item().repurchaseDays() + " days";
        }

        /** "Often bought with the coffee beans in your cart": the first seed the item is a neighbour of. */
        private static String fromSeeds(String itemId, ShopperRequest request, Aggregates aggregates) {
            for (String index : List.of(Aggregates.COOCCURRENCE, Aggregates.CONTENT)) {
                for (String seed : request.seeds()) {
                    if (!java.util.Arrays.asList(aggregates.neighbours(index, seed).ids()).contains(itemId)) {
                        continue;
                    }
                    String title = aggregates.item(seed).map(f -> f.item().title()).orElse(seed);
                    String where = seed.equals(request.context().currentItemId()) ? "the " + title
                            : request.cart().contains(seed) ? "the " + title + " in your cart"
                            : "the " + title + " you just viewed";
                    return index.equals(Aggregates.COOCCURRENCE) ? "Often bought with " + where
                            : "Similar to " + where;
                }
            }
            return null;
        }
    }
}
