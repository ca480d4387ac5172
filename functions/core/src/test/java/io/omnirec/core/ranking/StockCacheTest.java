package io.omnirec.core.ranking;

import io.omnirec.core.MovableClock;
import io.omnirec.core.store.StoreStock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockCacheTest {
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final StoreStock riverside = new StoreStock(Set.of("tv"), Optional.of("Riverside"));

    @Test
    void fresh_shouldAnswerFromWhatWasRead_untilTheRefreshIntervalIsOver() {
        StockCache cache = new StockCache(Duration.ofSeconds(10), clock);
        assertTrue(cache.fresh("store-1").isEmpty(), "never read");
        cache.put("store-1", riverside);
        clock.advance(Duration.ofSeconds(9));
        assertEquals(Optional.of(riverside), cache.fresh("store-1"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.fresh("store-1").isEmpty(), "due for a read");
        assertEquals(Optional.of(riverside), cache.last("store-1"), "still there for when the read fails");
    }

    @Test
    void get_shouldReadOncePerInterval_andServeTheLastReadWhenReadingFails() {
        StockCache cache = new StockCache(Duration.ofSeconds(10), clock);
        java.util.List<String> reads = new java.util.ArrayList<>();
        assertEquals(riverside, cache.get("store-1", place -> {
            reads.add(place);
            return riverside;
        }));
        assertEquals(riverside, cache.get("store-1", place -> {
            throw new AssertionError("fresh: not read again");
        }));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(riverside, cache.get("store-1", place -> {
            throw new IllegalStateException("DynamoDB is down");
        }), "the last read serves");
        assertEquals(StoreStock.NONE, cache.get("store-2", place -> {
            throw new IllegalStateException("DynamoDB is down");
        }), "nothing read before: no stock rule");
        assertEquals(java.util.List.of("store-1"), reads);
    }

    @Test
    void put_shouldKeepNothing_whenTheIntervalIsZero() {
        StockCache cache = StockCache.none(clock);
        cache.put("store-1", riverside);
        assertTrue(cache.fresh("store-1").isEmpty());
        assertTrue(cache.last("store-1").isEmpty());
    }

    @Test
    void put_shouldDropTheLeastRecentlyAskedPlace_whenMorePlacesThanItKeepsAreAskedFor() {
        StockCache cache = new StockCache(Duration.ofSeconds(10), clock);
        cache.put("store-0", riverside);
        for (int i = 1; i <= StockCache.MAX_PLACES; i++) {
            assertTrue(cache.fresh("store-0").isPresent(), "asked for again, so kept");
            cache.put("store-" + i, StoreStock.NONE);
        }
        assertTrue(cache.last("store-1").isEmpty(), "the least recently asked for is dropped");
        assertTrue(cache.last("store-0").isPresent());
        assertTrue(cache.last("store-" + StockCache.MAX_PLACES).isPresent());
    }
}
