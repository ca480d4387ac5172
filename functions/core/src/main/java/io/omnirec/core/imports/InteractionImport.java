package io.omnirec.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.HistoryWriter;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Imports historical interactions through the bulk history path ({@link HistoryWriter}): every row is validated like a
 * live event and stored once, and each shopper the file names is then rebuilt from the log, so the rows reach the
 * shoppers' states once without three writes per row. Two formats:
 * <ul>
 *   <li>CSV with the header {@code user_id,item_id,timestamp,type,store_id,channel} (ISO-8601 timestamps, an empty
 *   {@code store_id} online). A row's event id is derived from its content and its occurrence in the file, so
 *   importing the same file again counts nothing twice while identical rows in one file stay distinct events;</li>
 *   <li>JSON Lines, one event object per line in the format of {@code POST /v1/events} (with its own
 *   {@code eventId}).</li>
 * </ul>
 * Rejected rows are reported with their line number and reason; duplicates are counted, not rejected. Memory stays
 * bounded by a batch of rows, the shoppers held for a rebuild ({@code HistoryWriter.REBUILD_AFTER}) and, for CSV, a count
 * per distinct row that makes identical rows distinct events (keyed by 64 bits of the row's hash: about 80 bytes a row,
 * 80 MB for a 1M-row file).
 */
public final class InteractionImport {
    public static final List<String> HEADER = List.of("user_id", "item_id", "timestamp", "type", "store_id", "channel");
    static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What an interaction import did.
     *
     * @param rebuilt how many shoppers' states were rebuilt from the log; {@code rebuildFailed} were left queued for
     *                the repair job
     */
    public record Report(long rows, long accepted, long duplicates, long rejected, byte[] rejectionsCsv,
                         long rebuilt, long rebuildFailed) {
    }

    private final HistoryWriter writer;

    public InteractionImport(HistoryWriter writer) {
        this.writer = writer;
    }

    /** One file on its own. */
    public Report importCsv(InputStream content) {
        return importCsv(content, new ImportProgress());
    }

    /** @param progress what earlier, broken passes over the same upload stored and queued; counts this pass's rows */
    public Report importCsv(InputStream content, ImportProgress progress) {
        Batch batch = new Batch(progress);
        // identical rows are told apart by their occurrence, counted per 64 bits of the row's hash, not per row text
        Map<Long, Integer> occurrences = new HashMap<>();
        batch.rows = CsvRows.forEach(content, HEADER, List.of(), batch.rejections, line -> {
            byte[] hash = sha256(line.raw());
            int seen = occurrences.merge(ByteBuffer.wrap(hash).getLong(), 1, Integer::sum);
            batch.add(line.number(), line.raw(), event(line.fields(), rowId(hash, seen)));
        });
        return batch.finish();
    }

    /** One file on its own. */
    public Report importJsonLines(InputStream content) {
        return importJsonLines(content, new ImportProgress());
    }

    /** @param progress what earlier, broken passes over the same upload stored and queued; counts this pass's rows */
    public Report importJsonLines(InputStream content, ImportProgress progress) {
        Batch batch = new Batch(progress);
        batch.rows = JsonLines.forEach(content, batch.rejections, batch::add);
        return batch.finish();
    }

    /** Rows waiting for one ingest call, and the running counts. */
    private final class Batch {
        final RejectionsCsv rejections = new RejectionsCsv();
        final List<JsonNode> events = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<String> raws = new ArrayList<>();
        final ImportProgress progress;
        final HistoryWriter.Upload upload;
        long rows;
        long accepted;
        long duplicates;

        Batch(ImportProgress progress) {
            this.progress = progress;
            this.upload = progress.upload(writer);
        }

        void add(long line, String raw, JsonNode event) {
            events.add(event);
            lines.add(line);
            raws.add(raw);
            if (events.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            List<EventResult> results = upload.write(events);
            long before = accepted;
            for (int i = 0; i < results.size(); i++) {
                EventResult result = results.get(i);
                switch (result.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    default -> rejections.add(lines.get(i), result.code(), result.message(), raws.get(i));
                }
            }
            progress.historyStored(accepted - before);
            events.clear();
            lines.clear();
            raws.clear();
        }

        Report finish() {
            if (!events.isEmpty()) {
                flush();
            }
            HistoryWriter.Rebuilt rebuilt = upload.finish();
            return new Report(rows, accepted, duplicates, rejections.count(), rejections.bytes(), rebuilt.shoppers(),
                    rebuilt.failed());
        }
    }

    private static ObjectNode event(List<String> f, String eventId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", eventId);
        node.put("userId", f.get(0).strip());
        node.put("itemId", f.get(1).strip());
        node.put("timestamp", f.get(2).strip());
        node.put("type", f.get(3).strip());
        if (!f.get(4).isBlank()) {
            node.put("storeId", f.get(4).strip());
        }
        node.put("channel", f.get(5).strip());
        return node;
    }

    /** {@code r-<first 24 hex of SHA-256 of the row>-<n>} for the n-th occurrence of the same row. */
    private static String rowId(byte[] rowHash, int occurrence) {
        return "r-" + HexFormat.of().formatHex(rowHash, 0, 12) + "-" + occurrence;
    }

    private static byte[] sha256(String raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
