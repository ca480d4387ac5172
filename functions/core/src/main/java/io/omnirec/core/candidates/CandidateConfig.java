package io.omnirec.core.candidates;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which candidate sources run, in which order, and how many items each may propose. Names:
 * {@code cooccurrence}, {@code ease}, {@code rp3}, {@code content}, {@code popular}, {@code segment}, {@code store},
 * {@code trending}, {@code new}, {@code new_for_you}, {@code replenish}.
 */
public record CandidateConfig(Map<String, Integer> limits) {

    public CandidateConfig {
        limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        limits.forEach((name, limit) -> {
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("candidate limit of " + name + " must be 1-1000");
            }
        });
    }

    public static CandidateConfig defaults() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("cooccurrence", 200);
        limits.put("ease", 200);
        limits.put("rp3", 200);
        limits.put("content", 50);
        limits.put("popular", 100);
        limits.put("segment", 50);
        limits.put("store", 50);
        limits.put("trending", 30);
        limits.put("new", 30);
        limits.put("new_for_you", 50);
        limits.put("replenish", 20);
        return new CandidateConfig(limits);
    }
}
