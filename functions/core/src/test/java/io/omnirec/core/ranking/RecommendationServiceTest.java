package io.omnirec.core.ranking;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.PopularityService;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecommendationServiceTest {
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final List<CatalogItem> catalog = List.of(
            new CatalogItem("tv", "TV", "Electronics/TV", "Vizo", 400, false),
            new CatalogItem("milk", "Milk", "Grocery/Dairy", "Alpen", 1, true),
            new CatalogItem("shoe", "Shoe", "Fashion/Shoes", "Runa", 80, false),
            new CatalogItem("sock", "Sock", "Fashion/Socks", "Runa", 5, false));

    void event(String user, String item, EventType type) {
        CatalogItem it = catalog.stream().filter(c -> c.itemId().equals(item)).findFirst().orElseThrow();
        features.apply(InteractionUpdate.of(new ShopperEvent("e", user, item, type, Instant.EPOCH, Channel.APP, null,
                null, null), Optional.of(it)));
    }

    @BeforeEach
    void setUp() {
        features.upsertItems(catalog);
        for (int i = 0; i < 5; i++) {
            event("crowd" + i, "tv", EventType.PURCHASE);
        }
        event("crowd", "milk", EventType.VIEW);
        event("fan", "shoe", EventType.PURCHASE);
        new PopularityService(features).refresh();
    }

    RecommendationService service(ActiveModel model) {
        return new RecommendationService(features, () -> model, () -> "rec-1");
    }

    /** A stand-in model that prefers whatever matches the shopper's category share. */
    static final Scorer TASTE = (user, candidates) -> RankingFeatures.compute(user, candidates).stream()
            .mapToDouble(row -> row[2] + 0.01 * row[0]).toArray();

    @Test
    void recommend_shouldUsePopularityAndSaySo_whenNoModelIsLoaded() {
        Recommendations result = service(ActiveModel.none("no_model")).recommend("newbie", 3);
        assertEquals("popularity", result.strategy());
        assertEquals("no_model", result.modelStatus());
        assertNull(result.modelVersion());
        assertEquals(List.of("tv", "shoe", "milk"), result.items().stream().map(Recommendations.RecommendedItem::itemId).toList());
    }

    @Test
    void recommend_shouldNeverReturnPurchasedItems_whenShopperHasBoughtSome() {
        Recommendations result = service(ActiveModel.champion(TASTE, "v1")).recommend("fan", 10);
        assertEquals("model", result.strategy());
        assertEquals("v1", result.modelVersion());
        assertFalse(result.items().stream().anyMatch(i -> i.itemId().equals("shoe")));
        assertEquals("sock", result.items().get(0).itemId());
        assertEquals("You often choose Runa", result.items().get(0).reason());
        assertEquals(3, result.items().size());
    }

    @Test
    void recommend_shouldUsePopularity_whenShopperHasNoHistoryEvenWithAModel() {
        Recommendations result = service(ActiveModel.champion(TASTE, "v1")).recommend("newbie", 2);
        assertEquals("popularity", result.strategy());
        assertEquals("champion", result.modelStatus());
    }

    @Test
    void recommend_shouldRejectBadInput_whenKOrUserIdIsInvalid() {
        RecommendationService service = service(ActiveModel.none("no_model"));
        assertEquals("invalid_k", assertThrows(InvalidInputException.class, () -> service.recommend("u1", 0)).code());
        assertEquals("invalid_k", assertThrows(InvalidInputException.class, () -> service.recommend("u1", 51)).code());
        assertEquals("invalid_userId", assertThrows(InvalidInputException.class,
                () -> service.recommend("../etc/passwd", 5)).code());
    }
}
