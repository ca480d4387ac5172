package io.omnirec.core.ranking;

import io.omnirec.core.store.StoreStock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stock of each place shoppers are served from, kept per container so that a recommendation reads only the
 * shopper's own items: a place's stock is read with a shopper (in the same round trip) when this cache has none of it
 * younger than the refresh interval. Out-of-stock items may therefore be recommended for up to that interval after
 * they sold out. At most {@value #MAX_PLACES} places are kept, the least recently asked for dropped first, so request
 * parameters cannot grow it without bound. A refresh interval of zero reads the stock with every request.
 */
public final class StockCache {
    private static final Logger LOG = Logger.getLogger(StockCache.class.getName());
    /** How many places are kept at most. */
    public static final int MAX_PLACES = 256;

    private record Read(StoreStock stock, Instant at) {
    }

    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Read> places = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
            return size() > MAX_PLACES;
        }
    };

    public StockCache(Duration refresh, Clock clock) {
        this.refresh = refresh;
        this.clock = clock;
    }

    /** A cache that keeps nothing: every request reads the stock. */
    public static StockCache none(Clock clock) {
        return new StockCache(Duration.ZERO, clock);
    }

    /** The stock of {@code place} when it was read within the refresh interval; empty when it must be read. */
    public synchronized Optional<StoreStock> fresh(String place) {
        Read read = places.get(place);
        return read == null || !clock.instant().isBefore(read.at().plus(refresh)) ? Optional.empty()
                : Optional.of(read.stock());
    }

    /** The last stock read of {@code place}, however old: for answering when reading fails. */
    public synchronized Optional<StoreStock> last(String place) {
        return Optional.ofNullable(places.get(place)).map(Read::stock);
    }

    /**
     * The stock of {@code place}: what was read within the refresh interval, else {@code read} (kept for the next
     * calls). When reading fails, the last stock read however old, else {@link StoreStock#NONE}: a page is better
     * served without the stock rule than not at all.
     */
    public StoreStock get(String place, Function<String, StoreStock> read) {
        Optional<StoreStock> fresh = fresh(place);
        if (fresh.isPresent()) {
            return fresh.get();
        }
        try {
            StoreStock stock = read.apply(place);
            put(place, stock);
            return stock;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the stock of a place; serving the last read", e);
            return last(place).orElse(StoreStock.NONE);
        }
    }

    /** Remembers the stock of {@code place} just read. */
    public synchronized void put(String place, StoreStock stock) {
        if (!refresh.isZero()) {
            places.put(place, new Read(stock, clock.instant()));
        }
    }
}
