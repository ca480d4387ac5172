package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.candidates.CandidateGenerator;
import io.omnirec.core.candidates.CandidatePool;
import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.features.UserState;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ShopperContext;
import io.omnirec.core.store.StoreStock;
import io.omnirec.core.store.memory.InMemoryImpressionStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recommends for one shopper or anonymous session: read the shopper's context in one round trip (with the stock of
 * where they are served when the {@link StockCache} has none fresh), gather candidates from the named sources over the
 * cached aggregates, score them with the model the shopper is routed to (a fallback chain of the sources when no model
 * is available), apply the business rules and the {@link ListShape} (diversity cap, exploration slots), and explain
 * each item by the source that proposed it most strongly. Each answer is kept as an impression, for attribution. When
 * the shopper's state cannot be read (DynamoDB failing), the answer is a new shopper's from the cached aggregates (and
 * the last stock read of where they are served), and its strategy says {@value #STATE_UNAVAILABLE}.
 */
public final class RecommendationService {
    /** The strategy's suffix when the shopper's state could not be read and the answer is a new shopper's. */
    public static final String STATE_UNAVAILABLE = "state_unavailable";
    /**
     * The strategy's suffix when the shopper withdrew consent to personalization: their history and profile are not
     * used, the answer is a new shopper's (the request's own context, such as the cart sent, still counts).
     */
    public static final String NO_CONSENT = "no_consent";
    private static final Logger LOG = Logger.getLogger(RecommendationService.class.getName());

    private final FeatureStore features;
    private final Supplier<Aggregates> aggregates;
    private final CandidateGenerator candidates;
    private final ModelRouter models;
    private final ImpressionStore impressions;
    private final Supplier<String> recommendationIds;
    private final Clock clock;
    private final ListShape shape;
    private final StockCache stock;
    private final Scorer fallback = new FallbackScorer(FallbackScorer.DEFAULT_CHAIN);

    /**
     * For tests and the offline evaluation: everyone gets {@code activeModel}, lists take the default
     * {@link ListShape}, and impressions are kept in memory.
     */
    public RecommendationService(FeatureStore features, Supplier<Aggregates> aggregates, CandidateGenerator candidates,
                                 Supplier<ActiveModel> activeModel, Supplier<String> recommendationIds, Clock clock) {
        this(features, aggregates, candidates, ModelRouter.championOnly(activeModel), new InMemoryImpressionStore(),
                recommendationIds, clock, ListShape.DEFAULT, StockCache.none(clock));
    }

    /**
     * @param models      the model for each shopper (the champion, or a variant of the running experiment)
     * @param impressions where each answer is kept, with one write, for attribution
     * @param shape       the diversity cap and exploration slots of each answer
     * @param stock       the stock of the places shoppers are served from, read with a shopper when not fresh in it
     */
    public RecommendationService(FeatureStore features, Supplier<Aggregates> aggregates, CandidateGenerator candidates,
                                 ModelRouter models, ImpressionStore impressions, Supplier<String> recommendationIds,
                                 Clock clock, ListShape shape, StockCache stock) {
        this.shape = shape;
        this.stock = stock;
        this.features = features;
        this.aggregates = aggregates;
        this.candidates = candidates;
        this.models = models;
        this.impressions = impressions;
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
        List<Recommendations.RecommendedItem> items = scored.answer(shape.select(scored.pool, scored.scores,
                scored.eligible, query.k(),
                scored.request.at()));
        String recommendationId = remember(key, scored, items);
        return new Recommendations(recommendationId, sessionId == null ? key : null, sessionId,
                scored.strategy(), scored.modelVersion(), scored.model.status(), scored.routed.variant(),
                scored.aggregates.version(), items);
    }

    /**
     * Keeps the answer as an impression (one write) and returns its id. A failed write does not fail the answer: the
     * shopper is served, and responses to it are not credited.
     */
    private String remember(String key, Scored scored, List<Recommendations.RecommendedItem> items) {
        String recommendationId = recommendationIds.get();
        try {
            impressions.record(new Impression(recommendationId, key, scored.routed.experimentId(),
                    scored.routed.variant(), scored.modelVersion(),
                    items.stream().map(Recommendations.RecommendedItem::itemId).toList(), scored.request.at()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot keep impression " + recommendationId + "; serving it uncredited", e);
        }
        return recommendationId;
    }

    /**
     * The caller's items in the order the same candidates, features, model and rules give them for the shopper; the
     * items recommend would not show, or the catalog does not know, are listed apart with the reason.
     */
    public Reranked rank(RankQuery rank) {
        Identifiers.requireValid("userId", rank.userId());
        Scored scored = score(rank.userId(), rank.query(), rank.itemIds());
        Set<String> asked = Set.copyOf(rank.itemIds());
        Set<String> shown = new HashSet<>();
        scored.pool.candidates().forEach(c -> {
            if (asked.contains(c.itemId()) && scored.eligible.test(c)) {
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
        return new Reranked(remember(rank.userId(), scored, items), rank.userId(), scored.strategy(),
                scored.modelVersion(), scored.model.status(), scored.routed.variant(), scored.aggregates.version(),
                items, removed);
    }

    /** One shopper's scored pool, and which of its candidates the answer may show ({@link BusinessRules}). */
    private record Scored(ShopperRequest request, String limitation, java.util.function.Predicate<Candidate> eligible,
                          Aggregates aggregates, CandidatePool pool, ModelRouter.Routed routed, ActiveModel model,
                          double[] scores) {
        /** {@code model} or {@code fallback}, then the kind of cold start when there is one ({@link ColdStart}). */
        String strategy() {
            String scorer = model.scorer().isPresent() ? "model" : "fallback";
            if (limitation != null) {
                return scorer + ":" + limitation;
            }
            return ColdStart.of(request).map(cold -> scorer + ":" + cold.wireName()).orElse(scorer);
        }

        String modelVersion() {
            return model.scorer().isPresent() ? model.version() : null;
        }

        List<Recommendations.RecommendedItem> answer(List<TopK.Scored> chosen) {
            return chosen.stream()
                    .map(s -> new Recommendations.RecommendedItem(s.candidate().itemId(),
                            s.candidate().facts().item().title(), s.candidate().facts().item().category(), s.score(),
                            s.explored() ? Reasons.explored(s.candidate())
                                    : Reasons.of(s.candidate(), pool.sourceNames(), request, aggregates)))
                    .toList();
        }
    }

    private Scored score(String userId, RecommendationQuery query, List<String> required) {
        Aggregates current = aggregates.get();
        ShopperContext context;
        String limitation = null;
        String place = BusinessRules.stockLocation(query);
        Optional<StoreStock> cached = place == null ? Optional.of(StoreStock.NONE) : stock.fresh(place);
        try {
            context = features.loadShopperContext(userId, cached.isPresent() ? null : place);
            if (cached.isPresent()) {
                context = context.withStock(cached.get());
            } else {
                stock.put(place, context.stock());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the shopper's state; answering as for a new shopper", e);
            context = new ShopperContext(UserState.empty(userId), Optional.empty())
                    .withStock(cached.or(() -> stock.last(place)).orElse(StoreStock.NONE));
            limitation = STATE_UNAVAILABLE;
        }
        if (context.profile().filter(profile -> !profile.personalization()).isPresent()) {
            context = new ShopperContext(UserState.empty(userId), Optional.empty(), context.unavailable(),
                    context.storeName());
            limitation = NO_CONSENT;
        }
        // the store read with the shopper is the request's own only when served in it (else the online stock)
        String storeName = query.storeId() != null && query.storeId().equals(BusinessRules.stockLocation(query))
                ? context.storeName().orElse(null) : null;
        ShopperRequest request = new ShopperRequest(context.state(), context.profile(), query.storeId(), storeName,
                clock.instant(), query.context());
        CandidatePool pool = candidates.generate(request, current, required);
        ModelRouter.Routed routed = models.route(userId);
        Scorer scorer = routed.model().scorer().orElse(fallback);
        java.util.function.Predicate<Candidate> eligible = BusinessRules.eligible(request, query,
                context.unavailable(), current);
        // the scorer's head counts what the answer may show: for a re-rank, only the caller's items
        Set<String> asked = Set.copyOf(required);
        return new Scored(request, limitation, eligible, current, pool, routed, routed.model(),
                scorer.score(request, pool, current, asked.isEmpty() ? eligible
                        : eligible.and(c -> asked.contains(c.itemId()))));
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
                case "store" -> request.storeName() == null ? "Popular at your store"
                        : "Popular at your store, " + request.storeName();
                case "trending" -> "Trending now";
                case "new" -> "New arrival";
                case "new_for_you" -> "New in " + candidate.facts().item().topCategory() + ", a kind you like";
                case "replenish" -> restock(candidate, request);
                default -> "Popular with shoppers right now";
            };
        }

        /** An item in an {@link Exploration} slot: "Just in: new in Kitchen". */
        static String explored(Candidate candidate) {
            return "Just in: new in " + candidate.facts().item().topCategory();
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
