package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.ingest.HistoryWriters;
import io.omnirec.core.store.StateRevision;
import io.omnirec.core.store.memory.InMemoryEventStore;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import io.omnirec.core.store.memory.InMemoryRebuildQueue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionImportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    static final String HEADER = "user_id,item_id,timestamp,type,store_id,channel\n";
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final InMemoryRebuildQueue queue = new InMemoryRebuildQueue();
    final InteractionImport imports = HistoryWriters.interactionImport(events, features,
            new InMemoryImpressionStore(), queue, CLOCK);

    static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importCsv_shouldImportGoodRowsAndReportBadOnes_whenTheFileMixesThem() {
        InteractionImport.Report report = imports.importCsv(bytes(HEADER
                + "u1,i1,1998-04-22T10:00:00Z,purchase,,web\n"
                + "u1,i2,2026-11-01T10:00:00Z,view,store-01,store\n"
                + "u2,i1,2026-11-01T10:00:00Z,teleport,,web\n"
                + "u2,i1,yesterday,view,,web\n"
                + "u2,i1,2026-11-01T10:00:00Z,view,,store\n"
                + "~script,i1,2026-11-01T10:00:00Z,view,,web\n"
                + "u3,i1,2026-11-01T10:00:00Z,view\n"
                + "u3,i1,2030-01-01T00:00:00Z,view,,web\n"));
        assertEquals(8, report.rows());
        assertEquals(2, report.accepted());
        assertEquals(6, report.rejected());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        for (String code : new String[] {"4,invalid_type", "5,invalid_timestamp", "6,missing_storeId",
            "7,invalid_userId", "8,wrong_column_count", "9,invalid_timestamp"}) {
            assertTrue(rejections.contains(code), code + " in " + rejections);
        }
        assertEquals(Map.of("i1", 5.0, "i2", 1.0), features.loadShopperContext("u1").state().items());
    }

    @Test
    void importCsv_shouldCountNothingTwice_whenTheSameFileIsImportedAgain() {
        String file = HEADER + "u1,i1,2026-11-01T10:00:00Z,purchase,,web\n"
                + "u1,i1,2026-11-01T10:00:00Z,purchase,,web\n";
        InteractionImport.Report first = imports.importCsv(bytes(file));
        assertEquals(2, first.accepted(), "identical rows in one file are two events");
        InteractionImport.Report again = imports.importCsv(bytes(file));
        assertEquals(0, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(Map.of("i1", 10.0), features.loadShopperContext("u1").state().items());
    }

    @Test
    void importCsv_shouldRejectTheWholeFile_whenTheHeaderOrEncodingIsWrong() {
        assertEquals("invalid_header", assertThrows(InvalidInputException.class,
                () -> imports.importCsv(bytes("user,item\nu1,i1\n"))).code());
        byte[] latin1 = (HEADER + "u\u00e9,i1,2026-11-01T10:00:00Z,view,,web\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("invalid_encoding", assertThrows(InvalidInputException.class,
                () -> imports.importCsv(new ByteArrayInputStream(latin1))).code());
    }

    @Test
    void importJsonLines_shouldImportEventsAndReportMalformedOrOversizedLines() {
        String good = "{\"eventId\":\"e1\",\"userId\":\"u9\",\"itemId\":\"i1\",\"type\":\"add_to_cart\","
                + "\"timestamp\":\"2026-11-01T10:00:00Z\",\"channel\":\"app\"}";
        InteractionImport.Report report = imports.importJsonLines(bytes(good + "\n\n{not json\n" + good + "\n"
                + "{\"eventId\":\"" + "x".repeat(9000) + "\"}\n[1,2]\n"));
        assertEquals(5, report.rows());
        assertEquals(1, report.accepted());
        assertEquals(1, report.duplicates());
        assertEquals(3, report.rejected());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        assertTrue(rejections.contains("3,invalid_json") && rejections.contains("5,line_too_long")
                && rejections.contains("6,invalid_event"), rejections);
    }

    @Test
    void importFile_shouldCountEveryStoredRowOnce_whenAPassBrokeMidwayAndTheUploadWasReadAgain() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 2_500; i++) {
            file.append("u").append(i % 7).append(",i").append(i).append(",2026-11-01T10:00:00Z,view,,web\n");
        }
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        ImportService service = new ImportService(features, imports);
        ImportProgress progress = new ImportProgress();
        // the first pass's connection breaks after about 90% of the file: two batches of 1,000 are stored, and its
        // shoppers are queued but not rebuilt
        InputStream broken = new FilterInputStream(new ByteArrayInputStream(content, 0, content.length * 9 / 10)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
        assertThrows(RuntimeException.class, () -> service.importFile(ImportKind.INTERACTIONS, false, broken, progress));
        assertEquals(2_000, progress.historyStored());
        assertEquals(StateRevision.ABSENT, features.readRevision("u0").version(), "no state rebuilt yet");
        assertTrue(queue.size() > 0);

        ImportReport report = service.importFile(ImportKind.INTERACTIONS, false, new ByteArrayInputStream(content), progress);

        assertEquals(2_500, report.rows());
        assertEquals(2_500, report.imported(), "the broken pass's rows are imported, not duplicates of this upload");
        assertEquals(0, report.rejected());
        long[] stored = {0};
        events.forEach(e -> stored[0]++);
        assertEquals(2_500, stored[0], "every row stored once");
        assertEquals(358, features.loadShopperContext("u0").state().items().size(), "each of u0's rows applied once");
        assertEquals(0, queue.size(), "the second pass rebuilt every shopper, the broken pass's included");
        assertEquals(0, service.importFile(ImportKind.INTERACTIONS, new ByteArrayInputStream(content)).imported(),
                "a later upload of the same file imports nothing");
    }
}
