package io.omnirec.core.imports;

import io.omnirec.core.ingest.HistoryWriter;

/**
 * What the passes over one uploaded file have stored so far. A pass broken by a failed read is run again from the
 * start; interaction rows the broken pass already stored come back as duplicates in the next one, so they are
 * counted here as they are stored, and the report of the pass that completes counts every row this upload stored,
 * once; the passes share one history upload ({@link HistoryWriter.Upload}), so the shoppers a broken pass queued are
 * rebuilt and their queue entries removed by the pass that completes. (Catalog, customer, inventory and store rows are
 * upserts: the completing pass writes them all again and counts them itself.)
 */
public final class ImportProgress {
    private long historyStored;
    private HistoryWriter.Upload upload;

    /** The upload every pass over this file writes its history rows through. */
    HistoryWriter.Upload upload(HistoryWriter writer) {
        if (upload == null) {
            upload = writer.upload();
        }
        return upload;
    }

    /** Counts interaction rows stored for the first time by a pass. */
    void historyStored(long rows) {
        historyStored += rows;
    }

    /** Interaction rows stored for the first time by every pass so far. */
    public long historyStored() {
        return historyStored;
    }
}
