package io.omnirec.core.ranking;

import io.omnirec.core.aggregates.ItemFacts;
import io.omnirec.core.candidates.Candidate;
import io.omnirec.core.domain.CatalogItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorationTest {
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    /** Items best first, one per letter: o established, n new (1 buyer, 3 days old), x old stock nobody buys. */
    static List<TopK.Scored> ranked(String spec) {
        List<TopK.Scored> out = new ArrayList<>();
        for (int i = 0; i < spec.length(); i++) {
            char kind = spec.charAt(i);
            int buyers = kind == 'o' ? 50 : kind == 'n' ? 1 : 0;
            long firstSeen = kind == 'x' ? NOW.minusSeconds(400 * 86_400L).getEpochSecond()
                    : NOW.minusSeconds(3 * 86_400L).getEpochSecond();
            CatalogItem item = new CatalogItem(kind + "" + i, "Item " + i, "Home/Decor", "Acme", 10, false);
            out.add(new TopK.Scored(new Candidate(new ItemFacts(item, buyers, 1, 0, firstSeen), new double[0], new int[0]), 100 - i));
        }
        return out;
    }

    static List<String> ids(List<TopK.Scored> list) {
        return list.stream().map(s -> s.candidate().itemId()).toList();
    }

    @Test
    void apply_shouldGiveTheLastSlotToTheBestNewItem_whenTheListHasNone() {
        List<TopK.Scored> ranked = ranked("ooooooooooooxnn");
        List<TopK.Scored> shown = Exploration.DEFAULT.apply(ranked.subList(0, 10), ranked, 10, NOW);
        assertEquals(List.of("o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "n13"), ids(shown),
                "old stock nobody buys is not new");
        assertTrue(shown.get(9).explored());
        assertEquals(2, new Exploration(0.2, 2, 30).apply(ranked.subList(0, 10), ranked, 10, NOW).stream()
                .filter(TopK.Scored::explored).count());
    }

    @Test
    void apply_shouldLeaveTheList_whenItHoldsANewItemAlreadyOrIsTooShortForASlot() {
        List<TopK.Scored> ranked = ranked("oonoooooooooon");
        assertEquals(ids(ranked.subList(0, 10)), ids(Exploration.DEFAULT.apply(ranked.subList(0, 10), ranked, 10,
                NOW)));
        List<TopK.Scored> five = ranked("oooooon");
        assertEquals(ids(five.subList(0, 5)), ids(Exploration.DEFAULT.apply(five.subList(0, 5), five, 5, NOW)),
                "k 5 has no slot at share 0.1");
        List<TopK.Scored> none = ranked("oooooooooooo");
        assertEquals(ids(none.subList(0, 10)), ids(Exploration.DEFAULT.apply(none.subList(0, 10), none, 10, NOW)));
        List<TopK.Scored> shortList = ranked("oon");
        assertEquals(List.of("o0", "o1", "n2"), ids(new Exploration(0.5, 2, 30).apply(shortList.subList(0, 2),
                shortList, 4, NOW)), "a short list gains the explorer without losing an item");
        assertThrows(IllegalArgumentException.class, () -> new Exploration(0.9, 2, 30));
    }
}
