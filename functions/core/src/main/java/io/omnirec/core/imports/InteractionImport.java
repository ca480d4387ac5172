package io.omnirec.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.IngestService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Imports historical interactions through the ingest service, so every row is validated, stored once and applied to
 * the shopper's features exactly like a live event. Two formats:
 * <ul>
 *   <li>CSV with the header {@code user_id,item_id,timestamp,type,store_id,channel} (ISO-8601 timestamps, an empty
 *   {@code store_id} online). A row's event id is derived from its content and its occurrence in the file, so
 *   importing the same file again counts nothing twice while identical rows in one file stay distinct events;</li>
 *   <li>JSON Lines, one event object per line in the format of {@code POST /v1/events} (with its own
 *   {@code eventId}).</li>
 * </ul>
 * Rejected rows are reported with their line number and reason; duplicates are counted, not rejected.
 */
public final class InteractionImport {
    public static final List<String> HEADER = List.of("user_id", "item_id", "timestamp", "type", "store_id", "channel");
    static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an interaction import did. */
    public record Report(long rows, long accepted, long duplicates, long rejected, byte[] rejectionsCsv) {
    }

    private final IngestService ingest;

    /** @param ingest an ingest service with a validator that accepts history, see {@code EventValidator.historical} */
    public InteractionImport(IngestService ingest) {
        this.ingest = ingest;
    }

    /** @param stored told how many rows each batch stored for the first time, as they are stored */
    public Report importCsv(InputStream content, LongConsumer stored) {
        Batch batch = new Batch(stored);
        Map<String, Integer> occurrences = new HashMap<>();
        batch.rows = CsvRows.forEach(content, HEADER, List.of(), batch.rejections, line -> {
            int seen = occurrences.merge(line.raw(), 1, Integer::sum);
            batch.add(line.number(), line.raw(), event(line.fields(), rowId(line.raw(), seen)));
        });
        return batch.finish();
    }

    /** @param stored told how many rows each batch stored for the first time, as they are stored */
    public Report importJsonLines(InputStream content, LongConsumer stored) {
        Batch batch = new Batch(stored);
        try (BufferedReader reader = new BufferedReader(CsvRows.utf8(content))) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                batch.rows++;
                if (line.length() > CsvLineReader.MAX_LINE_CHARS) {
                    batch.rejections.add(number, "line_too_long", "a line may hold at most "
                            + CsvLineReader.MAX_LINE_CHARS + " characters", line.substring(0, 200));
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    batch.rejections.add(number, "invalid_json", "not a JSON object", line);
                    continue;
                }
                batch.add(number, line, node);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw CsvRows.invalidEncoding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batch.finish();
    }

    /** Rows waiting for one ingest call, and the running counts. */
    private final class Batch {
        final RejectionsCsv rejections = new RejectionsCsv();
        final LongConsumer stored;
        final List<JsonNode> events = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<String> raws = new ArrayList<>();
        long rows;
        long accepted;
        long duplicates;

        Batch(LongConsumer stored) {
            this.stored = stored;
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
            List<EventResult> results = ingest.ingest(events);
            long before = accepted;
            for (int i = 0; i < results.size(); i++) {
                EventResult result = results.get(i);
                switch (result.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    default -> rejections.add(lines.get(i), result.code(), result.message(), raws.get(i));
                }
            }
            stored.accept(accepted - before);
            events.clear();
            lines.clear();
            raws.clear();
        }

        Report finish() {
            if (!events.isEmpty()) {
                flush();
            }
            return new Report(rows, accepted, duplicates, rejections.count(), rejections.bytes());
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
    private static String rowId(String raw, int occurrence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(hash).substring(0, 24) + "-" + occurrence;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
