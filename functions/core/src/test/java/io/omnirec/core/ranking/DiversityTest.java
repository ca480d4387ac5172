package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.domain.CatalogItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiversityTest {

    static List<TopK.Scored> ranked(String... categories) {
        List<TopK.Scored> ranked = new ArrayList<>();
        for (int i = 0; i < categories.length; i++) {
            CatalogItem item = new CatalogItem(categories[i] + i, "t", "Shop/" + categories[i], "b", 1, false);
            ranked.add(new TopK.Scored(new Candidate(new ItemFacts(item, 0, 0, 0, 0), new double[0], new int[0]),
                    categories.length - i));
        }
        return ranked;
    }

    static List<String> ids(List<TopK.Scored> chosen) {
        return chosen.stream().map(s -> s.candidate().itemId()).toList();
    }

    @Test
    void apply_shouldCapEachCategory_keepingTheBestFirst() {
        assertEquals(List.of("a0", "a1", "b4", "c6"),
                ids(new Diversity(2).apply(ranked("a", "a", "a", "a", "b", "a", "c"), 4)));
    }

    @Test
    void apply_shouldFillWithHeldBackItems_whenTooFewCategories() {
        assertEquals(List.of("a0", "a1", "b3", "a2"), ids(new Diversity(2).apply(ranked("a", "a", "a", "b"), 4)));
        assertEquals(List.of("a0", "a1", "a2"), ids(new Diversity(1).apply(ranked("a", "a", "a"), 5)));
    }

    @Test
    void apply_shouldKeepTheScoreOrder_whenTheCapIsOff() {
        assertEquals(List.of("a0", "a1", "a2"), ids(Diversity.NONE.apply(ranked("a", "a", "a", "b"), 3)));
        assertThrows(IllegalArgumentException.class, () -> new Diversity(-1));
    }
}
