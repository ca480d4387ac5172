package io.omnirec.core.records;

import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImportArchive;
import io.omnirec.core.store.ImpressionStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A shopper's profile kept one at a time ({@code PUT/GET /v1/users/{userId}}), and erasing a shopper everywhere
 * ({@code DELETE}): the event log, the answers served, the profile and real-time state, and the same for every
 * anonymous session an identify event merged into them, and their lines in the files uploaded for import.
 */
public final class ShopperProfiles {
    private final FeatureStore features;
    private final EventStore events;
    private final ImpressionStore impressions;
    private final ImportArchive uploads;
    private final Clock clock;

    public ShopperProfiles(FeatureStore features, EventStore events, ImpressionStore impressions,
                           ImportArchive uploads, Clock clock) {
        this.features = features;
        this.events = events;
        this.impressions = impressions;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** Creates or replaces the profile; recommend's segment features use it on the next call. */
    public Customer put(String userId, byte[] body) {
        Customer customer = RecordJson.customer(userId, body, clock);
        features.upsertCustomers(List.of(customer));
        return customer;
    }

    /** The profile; {@code unknown_shopper} when there is none (never created, or erased). */
    public Customer get(String userId) {
        Identifiers.requireValid("userId", userId);
        return features.customer(userId).orElseThrow(() -> new InvalidInputException("unknown_shopper",
                "no profile for shopper " + userId));
    }

    /**
     * What one erasure removed. Erasing again finds nothing and removes nothing.
     *
     * @param sessions    anonymous sessions merged into the shopper, erased with them
     * @param records     profile and state items removed (the shopper's and the sessions')
     * @param events      events removed from the log
     * @param impressions answers served to the shopper or the sessions, removed
     * @param files       uploaded files (and rejections) rewritten without the shopper's lines
     */
    public record Erasure(String userId, int sessions, int records, int events, int impressions, int files) {
    }

    /**
     * Erases the shopper: events first (so that no pending one is repaired back into a state about to go), then the
     * answers served, then the profile and state, then the uploads (anonymous sessions appear in no upload). Events that arrive during the erasure start a new state.
     */
    public Erasure erase(String userId) {
        Identifiers.requireValid("userId", userId);
        List<String> keys = new ArrayList<>(List.of(userId));
        features.mergedSessions(userId).forEach(session -> keys.add(ShopperKeys.session(session)));
        int removedEvents = 0;
        int removedImpressions = 0;
        int records = 0;
        for (String key : keys) {
            removedEvents += events.deleteShopperEvents(key);
            removedImpressions += impressions.eraseShopper(key);
            records += features.erase(key) ? 1 : 0;
        }
        int files = uploads.eraseShopper(userId);
        return new Erasure(userId, keys.size() - 1, records, removedEvents, removedImpressions, files);
    }
}
