package io.omnirec.core.imports;

/**
 * What the passes over one uploaded file have stored so far. A pass broken by a failed read is run again from the
 * start; interaction rows the broken pass already stored come back as duplicates in the next one, so they are
 * counted here as they are stored, and the report of the pass that completes counts every row this upload stored,
 * once. (Catalog, customer, inventory and store rows are upserts: the completing pass writes them all again and
 * counts them itself.)
 */
public final class ImportProgress {
    private long historyStored;

    /** Counts interaction rows stored for the first time by a pass. */
    void historyStored(long rows) {
        historyStored += rows;
    }

    /** Interaction rows stored for the first time by every pass so far. */
    public long historyStored() {
        return historyStored;
    }
}
