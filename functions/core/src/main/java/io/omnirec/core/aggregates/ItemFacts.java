package io.omnirec.core.aggregates;

import io.omnirec.core.domain.CatalogItem;

/**
 * What the ranker knows about one catalog item at the time the aggregates were built.
 *
 * @param buyers       distinct shoppers who bought it
 * @param heat         time-decayed purchase count ("sales heat", long half-life)
 * @param recentHeat   time-decayed purchase count with the short trending half-life
 * @param firstSeen    epoch seconds of its first event, or of the build when it has none (a new arrival)
 */
public record ItemFacts(CatalogItem item, int buyers, double heat, double recentHeat, long firstSeen) {

    public String itemId() {
        return item.itemId();
    }
}
