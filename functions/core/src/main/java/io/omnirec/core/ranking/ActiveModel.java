package io.omnirec.core.ranking;

import java.util.Optional;

/**
 * The model the recommend path serves with, or why there is none.
 *
 * @param scorer  present when a verified model is loaded
 * @param version the version loaded, or {@code null}
 * @param status  {@code champion}, {@code no_model}, {@code last_good: <reason>} or {@code model_unavailable: <reason>}
 */
public record ActiveModel(Optional<Scorer> scorer, String version, String status) {

    public static ActiveModel none(String status) {
        return new ActiveModel(Optional.empty(), null, status);
    }

    public static ActiveModel champion(Scorer scorer, String version) {
        return new ActiveModel(Optional.of(scorer), version, "champion");
    }
}
