package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.aggregates.RankedList;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.store.StoreStock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Item pages: what is bought together with an item (co-occurrence neighbours) and what is like it (content
 * neighbours), interleaved so both relations show, each item named with its relation, leaving out what is not in stock
 * where the page is seen (the store asked for, else the web shop). Reads the cached aggregates and the cached stock: a
 * store round trip only when the stock of that place is due for a refresh.
 */
public final class SimilarItemsService {
    public static final String BOUGHT_TOGETHER = "bought_together";
    public static final String SIMILAR = "similar";

    private final Supplier<Aggregates> aggregates;
    private final Supplier<String> recommendationIds;
    private final Function<String, StoreStock> stock;

    /** Without stock: every item counts as in stock (tests and the offline evaluation). */
    public SimilarItemsService(Supplier<Aggregates> aggregates, Supplier<String> recommendationIds) {
        this(aggregates, recommendationIds, place -> StoreStock.NONE);
    }

    /**
     * @param stock the stock of a place (a store id or {@link StockLevel#ONLINE}), e.g. from a {@link StockCache}
     */
    public SimilarItemsService(Supplier<Aggregates> aggregates, Supplier<String> recommendationIds,
                               Function<String, StoreStock> stock) {
        this.aggregates = aggregates;
        this.recommendationIds = recommendationIds;
        this.stock = stock;
    }

    /** Up to {@code k} (1 to {@link RecommendationQuery#MAX_K}) items related to {@code itemId}, in stock online. */
    public SimilarItems similar(String itemId, int k) {
        return similar(itemId, k, null);
    }

    /**
     * Up to {@code k} (1 to {@link RecommendationQuery#MAX_K}) items related to {@code itemId}, in stock at
     * {@code storeId} ({@code null}: online).
     */
    public SimilarItems similar(String itemId, int k, String storeId) {
        Identifiers.requireValid("itemId", itemId);
        if (storeId != null) {
            Identifiers.requireValid("storeId", storeId);
        }
        if (k < 1 || k > RecommendationQuery.MAX_K) {
            throw new InvalidInputException("invalid_k", "k must be between 1 and " + RecommendationQuery.MAX_K);
        }
        Aggregates current = aggregates.get();
        ItemFacts item = current.item(itemId).orElseThrow(() -> new InvalidInputException("unknown_item",
                "no catalog item " + itemId));
        RankedList together = current.neighbours(Aggregates.COOCCURRENCE, itemId);
        RankedList alike = current.neighbours(Aggregates.CONTENT, itemId);
        List<SimilarItems.RelatedItem> related = new ArrayList<>(k);
        Set<String> seen = new HashSet<>(List.of(itemId));
        Set<String> unavailable = stock.apply(storeId == null ? StockLevel.ONLINE : storeId).unavailable();
        int t = 0;
        int a = 0;
        while (related.size() < k && (t < together.size() || a < alike.size())) {
            boolean takeTogether = t < together.size() && (a >= alike.size() || related.size() % 2 == 0);
            RankedList list = takeTogether ? together : alike;
            int index = takeTogether ? t++ : a++;
            String id = list.ids()[index];
            ItemFacts facts = current.items().get(id);
            if (facts == null || facts.item().inactive() || unavailable.contains(id) || !seen.add(id)) {
                continue;
            }
            String title = item.item().title();
            related.add(new SimilarItems.RelatedItem(id, facts.item().title(), facts.item().category(),
                    takeTogether ? BOUGHT_TOGETHER : SIMILAR, list.scores()[index] / list.scores()[0],
                    takeTogether ? "Often bought together with " + title : "Similar to " + title));
        }
        return new SimilarItems(recommendationIds.get(), itemId, item.item().title(), current.version(), related);
    }
}
