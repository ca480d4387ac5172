package io.omnirec.core.ranking;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.candidates.RequestContext;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.JsonBodies;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a caller asks of one recommend call besides the shopper, validated: how many items, from which store and
 * channel, restricted to a category, leaving out some items, and the request's {@link RequestContext}. Built from the
 * query string of {@code GET /v1/users/{userId}/recommendations} or the JSON body of its {@code POST}.
 *
 * @param k           1 to {@link #MAX_K} items
 * @param storeId     the store asked from, {@code null} online; required for {@code channel=store} and {@code kiosk}
 * @param category    a category path prefix ({@code Grocery} or {@code Grocery/Dairy}); {@code null} for all
 * @param exclude     items never to show
 * @param includeCart whether items already in the cart may be shown (by default they are not)
 */
public record RecommendationQuery(int k, String storeId, String category, Set<String> exclude, boolean includeCart,
                                  RequestContext context) {
    public static final int MAX_K = 100;
    public static final int MAX_ITEMS = 100;
    public static final int MAX_TAGS = 10;
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern CATEGORY = Pattern.compile("[^\\p{Cntrl}<>]{1,200}");
    private static final Set<String> FIELDS = Set.of("k", "storeId", "channel", "category", "exclude", "currentItemId",
            "cart", "tags", "includeCart");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(1024).build())
            .build());

    public RecommendationQuery {
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("invalid_k", "k must be between 1 and " + MAX_K);
        }
        if (storeId != null) {
            Identifiers.requireValid("storeId", storeId);
        }
        if (context.channel().map(Channel::isPhysical).orElse(false) && storeId == null) {
            throw new InvalidInputException("missing_storeId", "channel " + context.channel().get().wireName()
                    + " needs the storeId of the store asked from");
        }
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw new InvalidInputException("invalid_category", "category must be 1-200 printable characters");
        }
        exclude = Set.copyOf(exclude);
        requireItems("exclude", exclude);
        requireItems("cart", context.cart());
        if (context.currentItemId() != null) {
            Identifiers.requireValid("currentItemId", context.currentItemId());
        }
        if (context.tags().size() > MAX_TAGS || !context.tags().stream().allMatch(t -> TAG.matcher(t).matches())) {
            throw new InvalidInputException("invalid_tags", "at most " + MAX_TAGS
                    + " tags of 1-32 characters a-z 0-9 _ -");
        }
    }

    /** k items online, nothing else said. */
    public static RecommendationQuery of(int k) {
        return of(k, null);
    }

    /** k items asked from {@code storeId} ({@code null} online), nothing else said. */
    public static RecommendationQuery of(int k, String storeId) {
        return new RecommendationQuery(k, storeId, null, Set.of(), false, RequestContext.NONE);
    }

    /**
     * From a query string: {@code k}, {@code storeId}, {@code channel}, {@code category} and {@code exclude} (a
     * comma-separated list); {@code null} for what is absent.
     */
    public static RecommendationQuery fromParameters(String k, String storeId, String channel, String category,
                                                     String exclude) {
        Set<String> excluded = new LinkedHashSet<>();
        if (exclude != null && !exclude.isBlank()) {
            for (String item : exclude.split(",", -1)) {
                excluded.add(item.strip());
            }
        }
        return new RecommendationQuery(k == null ? 10 : parseK(k), blankToNull(storeId), blankToNull(category),
                excluded, false, new RequestContext(null, List.of(), parseChannel(blankToNull(channel)), Set.of()));
    }

    /**
     * From a JSON body: {@code {"k": 10, "storeId": "...", "channel": "store", "category": "...", "exclude": [...],
     * "currentItemId": "...", "cart": [...], "tags": [...], "includeCart": false}}, every field optional.
     */
    public static RecommendationQuery fromJson(byte[] body) {
        if (body == null || body.length == 0) {
            return of(10);
        }
        return fromNode(readObject(body), Set.of(), 10);
    }

    /** The JSON object of a request body of at most {@link #MAX_BODY_BYTES}, or the reason it is not one. */
    static JsonNode readObject(byte[] body) {
        return JsonBodies.object(JSON, body, MAX_BODY_BYTES, "a JSON object");
    }

    /** The query in {@code root}, which may also hold {@code extraFields} (read by the caller). */
    static RecommendationQuery fromNode(JsonNode root, Set<String> extraFields, int defaultK) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !extraFields.contains(name)) {
                throw new InvalidInputException("unknown_field", "unknown field: " + name.substring(0,
                        Math.min(name.length(), 64)));
            }
        }
        JsonNode k = root.path("k");
        if (!k.isMissingNode() && !k.isNull() && !k.canConvertToExactIntegral()) {
            throw new InvalidInputException("invalid_k", "k must be a whole number");
        }
        return new RecommendationQuery(k.isMissingNode() || k.isNull() ? defaultK : k.asInt(), text(root, "storeId"),
                text(root, "category"), Set.copyOf(strings(root, "exclude", MAX_ITEMS)),
                root.path("includeCart").asBoolean(false),
                new RequestContext(text(root, "currentItemId"), strings(root, "cart", MAX_ITEMS),
                        parseChannel(text(root, "channel")), Set.copyOf(strings(root, "tags", MAX_TAGS))));
    }

    private static int parseK(String k) {
        try {
            return Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_k", "k must be a whole number");
        }
    }

    private static Optional<Channel> parseChannel(String channel) {
        if (channel == null) {
            return Optional.empty();
        }
        return Optional.of(Channel.fromWire(channel).orElseThrow(() -> new InvalidInputException("invalid_channel",
                "channel must be one of web, app, store, kiosk")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException("invalid_" + field, field + " must be a string");
        }
        return blankToNull(node.asText());
    }

    static List<String> strings(JsonNode root, String field, int max) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > max) {
            throw new InvalidInputException("invalid_" + field, field + " must be an array of at most " + max
                    + " strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new InvalidInputException("invalid_" + field, field + " must be an array of strings");
            }
            if (!values.contains(value.asText())) {
                values.add(value.asText());
            }
        }
        return values;
    }

    static void requireItems(String field, java.util.Collection<String> items) {
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException("invalid_" + field, field + " holds at most " + MAX_ITEMS + " items");
        }
        items.forEach(item -> Identifiers.requireValid(field, item));
    }

    /** Whether {@code itemCategory} is in the asked category (the same path or below it). */
    boolean inCategory(String itemCategory) {
        return category == null || itemCategory.equals(category) || itemCategory.startsWith(category + "/");
    }
}
