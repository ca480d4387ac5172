package io.omnirec.core.features;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateBoundsTest {

    @Test
    void heaviest_shouldLeaveAMapAlone_untilItIsPastItsSlack() {
        Map<String, Double> weights = weights(StateBounds.ITEMS.trimAt(), 8);
        assertSame(weights, StateBounds.heaviest(weights, StateBounds.ITEMS));
    }

    @Test
    void heaviest_shouldKeepTheHeaviestEntries_whenTooMany() {
        Map<String, Double> weights = weights(StateBounds.ITEMS.trimAt() + 1, 8);
        Map<String, Double> kept = StateBounds.heaviest(weights, StateBounds.ITEMS);
        assertEquals(StateBounds.ITEMS.entries(), kept.size());
        double lightestKept = kept.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        weights.forEach((key, weight) -> assertEquals(weight >= lightestKept, kept.containsKey(key), key));
    }

    @Test
    void latest_shouldKeepTheLatestWithinSevenEighthsOfTheBytes_whenTheKeysAreLong() {
        Map<String, Long> times = new HashMap<>();
        String pad = "ü".repeat(120); // 240 bytes
        for (int i = 0; i < 80; i++) {
            times.put(i + pad, 1_000L + i);
        }
        assertTrue(StateBounds.due(times, StateBounds.CART), "80 long entries are past 12 KB");
        Map<String, Long> kept = StateBounds.latest(times, StateBounds.CART);
        assertTrue(StateBounds.bytes(kept) <= StateBounds.CART.keptBytes());
        assertTrue(StateBounds.bytes(kept) + StateBounds.entryBytes("0" + pad) > StateBounds.CART.keptBytes(),
                "as many as fit");
        assertTrue(kept.containsKey(79 + pad), "the latest is kept");
        assertFalse(kept.containsKey(0 + pad), "the oldest is dropped");
        assertFalse(StateBounds.due(kept, StateBounds.CART));
    }

    @Test
    void entryBytes_shouldCountTheKeysUtf8Bytes() {
        assertEquals(2 + 6 + 21, StateBounds.entryBytes("jürge"));
        assertEquals(2 + 3 + 21, StateBounds.entryBytes("€"));
    }

    @Test
    void build_shouldBoundEveryMap_whenAShopperTouchedMoreThanAStateKeeps() {
        UserState.Builder builder = new UserState.Builder(UserState.empty("u1"));
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 1_200; i++) {
            ShopperEvent event = new ShopperEvent("e" + i, "u1", "item-" + i, EventType.ADD_TO_CART,
                    start.plusSeconds(i), Channel.WEB, null, null, null);
            builder.add(InteractionUpdate.of(event, Optional.empty()));
        }
        UserState state = builder.build();
        assertFalse(StateBounds.due(state.items(), StateBounds.ITEMS));
        assertFalse(StateBounds.due(state.cart(), StateBounds.CART));
        assertEquals(StateBounds.CART.entries(), state.cart().size());
        assertTrue(state.cart().containsKey("item-1199"));
        UserState merged = state.merge(state);
        assertFalse(StateBounds.due(merged.items(), StateBounds.ITEMS));
    }

    private static Map<String, Double> weights(int count, int keyLength) {
        Map<String, Double> weights = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String key = Integer.toString(i);
            weights.put("0".repeat(Math.max(0, keyLength - key.length())) + key, (double) (i * 7919 % count));
        }
        return weights;
    }
}
