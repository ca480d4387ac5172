package io.omnirec.core.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;

import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/rank}: a caller's own list (a search or category page) to order for one shopper, with the same
 * context, rules and model as a recommend call: {@code {"userId": "...", "itemIds": [...], ...}} plus any field of
 * {@link RecommendationQuery#fromJson}; {@code k} (default: every item) caps the answer.
 *
 * @param itemIds 1 to {@link RecommendationQuery#MAX_ITEMS} distinct ids, in the caller's order
 */
public record RankQuery(String userId, List<String> itemIds, RecommendationQuery query) {
    private static final Set<String> FIELDS = Set.of("userId", "itemIds");

    public RankQuery {
        Identifiers.requireValid("userId", userId);
        itemIds = List.copyOf(itemIds);
        if (itemIds.isEmpty()) {
            throw new InvalidInputException("invalid_itemIds", "itemIds must hold 1 to "
                    + RecommendationQuery.MAX_ITEMS + " item ids");
        }
        RecommendationQuery.requireItems("itemIds", itemIds);
    }

    public static RankQuery fromJson(byte[] body) {
        JsonNode root = RecommendationQuery.readObject(body);
        List<String> itemIds = RecommendationQuery.strings(root, "itemIds", RecommendationQuery.MAX_ITEMS);
        String userId = RecommendationQuery.text(root, "userId");
        if (userId == null) {
            throw new InvalidInputException("invalid_userId", "userId is required");
        }
        return new RankQuery(userId, itemIds,
                RecommendationQuery.fromNode(root, FIELDS, Math.max(1, itemIds.size())));
    }
}
