package io.omnirec.core.store.memory;

import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.experiments.VariantTally;
import io.omnirec.core.store.ImpressionStore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Impressions in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryImpressionStore implements ImpressionStore {
    private final Map<String, Impression> impressions = new HashMap<>();
    /** Per recommendation id, per response, the count per position (1-based). */
    private final Map<String, Map<Attribution.Response, Map<Integer, Long>>> responses = new HashMap<>();

    @Override
    public synchronized void record(Impression impression) {
        impressions.put(impression.recommendationId(), impression);
    }

    @Override
    public synchronized Attribution.Outcome credit(ShopperEvent event) {
        var response = Attribution.Response.of(event.type());
        if (response.isEmpty()) {
            return Attribution.Outcome.NOT_A_RESPONSE;
        }
        Impression impression = impressions.get(event.recommendationId());
        if (impression == null) {
            return Attribution.Outcome.UNKNOWN_RECOMMENDATION;
        }
        int position = impression.items().indexOf(event.itemId()) + 1;
        if (position == 0) {
            return Attribution.Outcome.NOT_SHOWN;
        }
        responses.computeIfAbsent(event.recommendationId(), r -> new EnumMap<>(Attribution.Response.class))
                .computeIfAbsent(response.get(), r -> new TreeMap<>()).merge(position, 1L, Long::sum);
        return Attribution.Outcome.CREDITED;
    }

    @Override
    public synchronized int eraseShopper(String shopperKey) {
        java.util.List<String> ids = impressions.values().stream().filter(i -> i.shopperKey().equals(shopperKey))
                .map(Impression::recommendationId).toList();
        ids.forEach(id -> {
            impressions.remove(id);
            responses.remove(id);
        });
        return ids.size();
    }

    @Override
    public synchronized Map<String, VariantTally> tally(String experimentId) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<Integer, long[]>> positions = new HashMap<>();
        for (Impression impression : impressions.values()) {
            if (!experimentId.equals(impression.experimentId())) {
                continue;
            }
            long[] c = counts.computeIfAbsent(impression.variant(), v -> new long[4]);
            c[0]++;
            var got = responses.getOrDefault(impression.recommendationId(), Map.of());
            int i = 1;
            for (Attribution.Response response : Attribution.Response.values()) {
                Map<Integer, Long> byPosition = got.getOrDefault(response, Map.of());
                c[i++] += byPosition.isEmpty() ? 0 : 1;
                byPosition.forEach((position, n) -> positions.computeIfAbsent(impression.variant(), v -> new TreeMap<>())
                        .computeIfAbsent(position, p -> new long[3])[response.ordinal()] += n);
            }
        }
        Map<String, VariantTally> tallies = new HashMap<>();
        counts.forEach((variant, c) -> {
            List<VariantTally.PositionTally> byPosition = new ArrayList<>();
            positions.getOrDefault(variant, Map.of()).forEach((position, n) ->
                    byPosition.add(new VariantTally.PositionTally(position, n[0], n[1], n[2])));
            tallies.put(variant, new VariantTally(variant, c[0], c[1], c[2], c[3], byPosition));
        });
        return tallies;
    }
}
