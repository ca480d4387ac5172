package io.omnirec.core.candidates;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.domain.CatalogItem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Restock reminders: the consumables the shopper bought whose typical lifetime ({@link CatalogItem#repurchaseDays()})
 * is nearly up. The score is how due the item is, the days since the last purchase over its lifetime, from
 * {@link #DUE_FROM} on; it peaks at twice the lifetime and fades after, when the shopper has likely moved on.
 */
public final class ReplenishSource implements CandidateSource {
    /**
     * Share of the lifetime after which a consumable is due again: a reminder shown now is acted on over the days
     * after. Chosen on {@code synthetic --validation}: from 80% of the lifetime the restock purchases of the
     * evaluation window were mostly held back (all items nDCG@10 0.155, and the model lost to trending in training);
     * from 50%, 0.189.
     */
    public static final double DUE_FROM = 0.5;
    private static final double DAY = 86_400.0;

    private final String name;

    public ReplenishSource(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(ShopperRequest request, Aggregates aggregates, int limit) {
        Map<String, Double> scores = new HashMap<>();
        request.state().purchases().forEach((itemId, last) -> {
            ItemFacts facts = aggregates.items().get(itemId);
            if (facts != null) {
                due(facts.item(), last, request).ifPresent(due -> scores.put(itemId, due <= 2 ? due : 4 / due));
            }
        });
        return new Proposal(Ranking.best(scores, limit), scores);
    }

    /**
     * How due a consumable bought at {@code lastPurchase} is at the request (days since over its lifetime), when it is
     * due at all; empty for durables, items without a known lifetime and items bought too recently.
     */
    public static Optional<Double> due(CatalogItem item, long lastPurchase, ShopperRequest request) {
        if (!item.consumable() || item.repurchaseDays() == 0) {
            return Optional.empty();
        }
        double due = (request.at().getEpochSecond() - lastPurchase) / DAY / item.repurchaseDays();
        return due >= DUE_FROM ? Optional.of(due) : Optional.empty();
    }
}
