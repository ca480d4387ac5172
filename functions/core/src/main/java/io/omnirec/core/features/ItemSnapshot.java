package io.omnirec.core.features;

import io.omnirec.core.domain.CatalogItem;

/** A candidate item as the ranker sees it: catalog attributes plus counters. */
public record ItemSnapshot(CatalogItem item, ItemStats stats) {
    public String itemId() {
        return item.itemId();
    }
}
