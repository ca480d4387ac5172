package io.omnirec.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.JsonBodies;
import io.omnirec.core.store.ModelStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The model versions an operator looks at: each with its card's evaluation metrics beside the baselines it was judged
 * against, and the champion pointer, which an operator can move to any version (and back, with a rollback).
 */
public final class ModelCatalog {
    /** How many versions a listing shows at most. */
    public static final int MAX_LISTED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelStore models;

    public ModelCatalog(ModelStore models) {
        this.models = models;
    }

    /**
     * The versions and the champion.
     *
     * @param champion the version serving, or {@code null}
     * @param versions newest first
     */
    public record Listing(String champion, List<Version> versions) {
    }

    /**
     * One version, from its card.
     *
     * @param metrics its evaluation on held-out shoppers beside popularity, the best single source and the champion
     *                it was compared with ({@code ndcg@10}, {@code popular_ndcg@10}, {@code best_baseline_ndcg@10}...)
     */
    public record Version(String version, Instant createdAt, String algorithm, Map<String, Double> metrics,
                          Map<String, Long> counts, boolean champion) {
    }

    /** The newest {@code limit} versions (1 to {@value #MAX_LISTED}), each read from its card alone. */
    public Listing list(int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw new InvalidInputException("invalid_limit", "limit must be 1 to " + MAX_LISTED);
        }
        String champion = models.champion().orElse(null);
        List<Version> versions = models.versions(limit).stream()
                .flatMap(version -> models.load(version, java.util.Set.of()).stream())
                .map(artifact -> artifact.card())
                .map(card -> new Version(card.version(), card.createdAt(), card.algorithm(), card.metrics(),
                        card.counts(), card.version().equals(champion)))
                .toList();
        return new Listing(champion, versions);
    }

    /** Points the champion at the version a JSON body {@code {"version": "..."}} names (at most 1 KiB). */
    public String promote(byte[] body) {
        JsonNode root = JsonBodies.object(JSON, body, 1024, "an object with version");
        JsonNode version = root.get("version");
        if (root.size() != 1 || version == null || !version.isTextual() || !Identifiers.isToken(version.asText())) {
            throw new InvalidInputException("invalid_version", "expected {\"version\": \"<model version>\"}");
        }
        try {
            models.promote(version.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown_version", "no model version " + version.asText());
        }
        return version.asText();
    }
}
