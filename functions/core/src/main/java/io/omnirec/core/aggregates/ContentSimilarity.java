package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Content neighbours for items with little or no history: similarity of category path, brand, price band, and the
 * words of title and description with the attribute values. Each item is compared with the {@value #REFERENCES} most-bought items of its leaf category and of its top
 * category, so the cost is linear in the catalog.
 */
final class ContentSimilarity {
    static final int REFERENCES = 200;
    /** How many words of a description count as its content. */
    static final int DESCRIPTION_WORDS = 40;

    private ContentSimilarity() {
    }

    static Map<String, RankedList> neighbours(List<CatalogItem> items, int[] buyers, int limit) {
        if (limit == 0) {
            return Map.of();
        }
        Map<String, List<Integer>> byLeaf = new HashMap<>();
        Map<String, List<Integer>> byTop = new HashMap<>();
        List<Set<String>> tokens = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            byLeaf.computeIfAbsent(items.get(i).category(), c -> new ArrayList<>()).add(i);
            byTop.computeIfAbsent(items.get(i).topCategory(), c -> new ArrayList<>()).add(i);
            tokens.add(tokens(items.get(i)));
        }
        Comparator<Integer> mostBought = Comparator.comparingInt((Integer i) -> -buyers[i]).thenComparingInt(i -> i);
        Map<String, List<Integer>> leafRefs = new HashMap<>();
        byLeaf.forEach((k, v) -> leafRefs.put(k, v.stream().sorted(mostBought).limit(REFERENCES).toList()));
        Map<String, List<Integer>> topRefs = new HashMap<>();
        byTop.forEach((k, v) -> topRefs.put(k, v.stream().sorted(mostBought).limit(REFERENCES).toList()));
        Map<String, RankedList> result = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogItem item = items.get(i);
            Set<Integer> refs = new java.util.LinkedHashSet<>(leafRefs.get(item.category()));
            refs.addAll(topRefs.get(item.topCategory()));
            refs.remove(i);
            int[] cols = new int[refs.size()];
            double[] scores = new double[refs.size()];
            int c = 0;
            for (int j : refs) {
                cols[c] = j;
                scores[c] = similarity(item, tokens.get(i), items.get(j), tokens.get(j))
                        + 1e-3 * Math.log1p(buyers[j]);
                c++;
            }
            RankedList found = AggregateBuilder.strongest(cols, scores, items, limit);
            if (found.size() > 0) {
                result.put(item.itemId(), found);
            }
        }
        return result;
    }

    static double similarity(CatalogItem a, Set<String> tokensA, CatalogItem b, Set<String> tokensB) {
        double score = a.category().equals(b.category()) ? 0.4 : 0.1;
        if (a.brand().equals(b.brand())) {
            score += 0.2;
        }
        if (a.price() > 0 && b.price() > 0) {
            score += 0.2 * Math.exp(-Math.abs(Math.log(a.price() / b.price())));
        }
        Set<String> common = new HashSet<>(tokensA);
        common.retainAll(tokensB);
        int union = tokensA.size() + tokensB.size() - common.size();
        return score + (union == 0 ? 0 : 0.2 * common.size() / union);
    }

    /**
     * The words of the title and of the first {@value #DESCRIPTION_WORDS} of the description, and one token per
     * attribute ({@code colour=red}), so that items sharing attribute values are alike.
     */
    private static Set<String> tokens(CatalogItem item) {
        Set<String> tokens = new HashSet<>();
        addWords(tokens, item.title(), Integer.MAX_VALUE);
        addWords(tokens, item.details().description(), DESCRIPTION_WORDS);
        item.details().attributes().forEach((name, value) ->
                tokens.add(name.toLowerCase(Locale.ROOT) + "=" + value.toLowerCase(Locale.ROOT)));
        return tokens;
    }

    private static void addWords(Set<String> tokens, String text, int limit) {
        int added = 0;
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (token.length() > 1 && added++ < limit) {
                tokens.add(token);
            }
        }
    }
}
