package io.omnirec.core.ranking;

import io.omnirec.core.candidates.ShopperRequest;
import io.omnirec.core.domain.ShopperKeys;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a request has little or no history to go on, named in the answer's strategy (e.g. {@code model:profile_only}).
 * The candidate sources already cover each case: segment and home-store popularity for a profile, session
 * co-occurrence and what sells at the request's store for a session, trending and popularity for anyone.
 */
public enum ColdStart {
    /** A known shopper without history but with an imported profile (age, gender, region, home store). */
    PROFILE_ONLY,
    /** A shopper with neither history nor profile. */
    NEW_SHOPPER,
    /** An anonymous visitor whose session did something: its items seed the item-to-item sources. */
    SESSION,
    /** An anonymous visitor whose session did nothing yet. */
    ANONYMOUS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of cold start of {@code request}; empty for a shopper with history. */
    public static Optional<ColdStart> of(ShopperRequest request) {
        boolean history = request.state().hasHistory() || !request.seeds().isEmpty();
        if (ShopperKeys.isSession(request.state().userId())) {
            return Optional.of(history ? SESSION : ANONYMOUS);
        }
        if (history) {
            return Optional.empty();
        }
        return Optional.of(request.profile().isPresent() ? PROFILE_ONLY : NEW_SHOPPER);
    }
}
