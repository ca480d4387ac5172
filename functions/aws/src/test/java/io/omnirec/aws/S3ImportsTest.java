package io.omnirec.aws;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.ingest.HistoryWriters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports from S3 into DynamoDB through the real SDK. */
class S3ImportsTest {
    static AwsResources resources;
    static DynamoFeatureStore features;
    static S3Imports imports;
    static UploadRecords records;

    /** A clock one second later at every reading, so that each run's summary sorts after the one before. */
    static java.time.Clock ticking() {
        java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong(1_800_000_000L);
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochSecond(seconds.incrementAndGet());
            }
        };
    }

    @BeforeAll
    static void setUp() {
        AwsStoresTest.clients();
        resources = AwsStoresTest.freshResources();
        features = new DynamoFeatureStore(AwsStoresTest.dynamo, resources.featuresTable());
        records = new UploadRecords(AwsStoresTest.s3, resources.importsBucket(), ticking());
        imports = new S3Imports(AwsStoresTest.s3, new ImportService(features), records);
    }

    static void upload(String key, String content) {
        AwsStoresTest.s3.putObject(b -> b.bucket(resources.importsBucket()).key(key),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    static String read(String key) {
        return AwsStoresTest.s3.getObjectAsBytes(b -> b.bucket(resources.importsBucket()).key(key)).asUtf8String();
    }

    @Test
    void importObject_shouldDecodeTheKeyAndWriteRejectionsNextToIt_whenSomeRowsAreBad() {
        String key = "imports/catalog/spring sale+2026.csv";
        upload(key, "item_id,title,category,brand,price,consumable\n"
                + "i1,Milk,Grocery/Dairy,Alpen,1.29,true\n"
                + "i2,Bread,Grocery/Bakery,Korn,abc,true\n");
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
        S3Imports.Result result = imports.importObject(resources.importsBucket(), encoded);
        assertEquals("imported", result.status());
        assertEquals(1, result.report().orElseThrow().imported());
        assertEquals("rejects/" + key + ".rejected.csv", result.rejectionsKey());
        assertTrue(read(result.rejectionsKey()).contains("3,invalid_price"));
        assertEquals(Map.of("i1", new CatalogItem("i1", "Milk", "Grocery/Dairy", "Alpen", 1.29, true)),
                features.items(List.of("i1", "i2")));
    }

    @Test
    void importObject_shouldRejectTheWholeFileWithAReport_whenHeaderIsWrong() {
        String key = "imports/customers/bad.csv";
        upload(key, "who,when\nu1,yesterday\n");
        S3Imports.Result result = imports.importObject(resources.importsBucket(), key);
        assertEquals("rejected", result.status());
        assertEquals("invalid_header", result.error());
        assertTrue(read("rejects/" + key + ".rejected.csv").contains("invalid_header"));
    }

    @Test
    void importObject_shouldSkip_whenTheObjectIsARejectionReport() {
        S3Imports.Result result = imports.importObject(resources.importsBucket(), "imports/catalog/x.csv.rejected.csv");
        assertEquals("skipped", result.status());
        assertNull(result.rejectionsKey());
    }

    @Test
    void importObject_shouldRejectTheWholeFileWithAReport_whenItIsOversized() {
        String key = "imports/catalog/huge.csv";
        upload(key, "item_id,title,category,brand,price,consumable\n" + "i9,Milk,Grocery/Dairy,Alpen,1.29,true\n".repeat(100));
        S3Imports small = new S3Imports(AwsStoresTest.s3, new ImportService(features), records, 1024);
        S3Imports.Result result = small.importObject(resources.importsBucket(), key);
        assertEquals("rejected", result.status());
        assertEquals("object_too_large", result.error());
        assertTrue(read("rejects/" + key + ".rejected.csv").contains("object_too_large"));
        assertTrue(features.items(List.of("i9")).isEmpty());
    }

    @Test
    void eraseShopper_shouldRewriteOnlyTheUploadsNamingTheShopper_whichThenImportNothingAgain() {
        upload("imports/customers/erase-a.csv",
                "user_id,age,gender,region,home_store_id\ngone-1,40,F,N,\nkept-1,30,M,S,\n");
        upload("imports/customers/erase-b.csv", "user_id,age,gender,region,home_store_id\nkept-2,30,M,S,\n");
        S3ImportArchive archive = new S3ImportArchive(AwsStoresTest.s3, resources.importsBucket());
        assertEquals(1, archive.eraseShopper("gone-1"));
        assertEquals(0, archive.eraseShopper("gone-1"), "nothing left to erase");
        String rewritten = AwsStoresTest.s3.getObjectAsBytes(b -> b.bucket(resources.importsBucket())
                .key("imports/customers/erase-a.csv")).asUtf8String();
        assertEquals("user_id,age,gender,region,home_store_id\nkept-1,30,M,S,\n", rewritten);
        assertEquals("skipped", imports.importObject(resources.importsBucket(), "imports/customers/erase-a.csv")
                .status(), "the rewrite's own notification imports nothing");
    }

    @Test
    void importObject_shouldAnswerNotThrow_whenTheKeyIsHostileOrTheObjectIsGone() {
        S3Imports.Result hostile = imports.importObject(resources.importsBucket(), "imports/catalog/%zz.csv");
        assertEquals("rejected", hostile.status());
        assertEquals("invalid_key", hostile.error());
        S3Imports.Result gone = imports.importObject(resources.importsBucket(), "imports/catalog/deleted-meanwhile.csv");
        assertEquals("skipped", gone.status());
        assertEquals("object_missing", gone.error());
    }

    @Test
    void importObject_shouldLeaveASummaryOfEachRun_newestListedFirst() {
        String good = "imports/catalog/summary-good.csv";
        String bad = "imports/customers/summary-bad.csv";
        upload(good, "item_id,title,category,brand,price,consumable\ni9,Tea,Grocery/Tea,Leaf,2.5,true\n"
                + "i10,Cup,Kitchen,Leaf,x,false\n");
        upload(bad, "who,when\nu1,yesterday\n");
        imports.importObject(resources.importsBucket(), URLEncoder.encode(good, StandardCharsets.UTF_8));
        imports.importObject(resources.importsBucket(), URLEncoder.encode(bad, StandardCharsets.UTF_8));
        imports.importObject(resources.importsBucket(), URLEncoder.encode("rejects/" + good + ".rejected.csv",
                StandardCharsets.UTF_8));

        List<UploadRecords.Upload> recent = records.recent(2);
        assertEquals(List.of(bad, good), recent.stream().map(UploadRecords.Upload::key).toList(),
                "newest first; a rejection report is no import and leaves no summary");
        assertEquals("rejected", recent.get(0).status());
        assertEquals("invalid_header", recent.get(0).error());
        assertEquals("customers", recent.get(0).kind());
        UploadRecords.Upload first = recent.get(1);
        assertEquals(List.of("imported", "catalog", 2L, 1L, 1L, "rejects/" + good + ".rejected.csv"),
                List.of(first.status(), first.kind(), first.rows(), first.imported(), first.rejected(),
                        first.rejectionsKey()));
        assertTrue(recent.get(0).at().isAfter(first.at()));
    }

    /** More than two batches of the history import, so a pass broken at 90% has stored some. */
    static final int ROWS = 2_500;

    @Test
    void importObject_shouldCountEveryInteractionOnceAndLeaveOneSummary_whenTheFirstReadOrSummaryWriteBreaks() {
        AwsResources fresh = AwsStoresTest.freshResources();
        DynamoFeatureStore store = new DynamoFeatureStore(AwsStoresTest.dynamo, fresh.featuresTable());
        DynamoEventStore events = new DynamoEventStore(AwsStoresTest.dynamo, fresh.eventsTable());
        DynamoRebuildQueue queue = new DynamoRebuildQueue(AwsStoresTest.dynamo, fresh.featuresTable());
        ImportService service = new ImportService(store, HistoryWriters.interactionImport(events, store,
                new DynamoImpressionStore(AwsStoresTest.dynamo, fresh.featuresTable()), queue,
                java.time.Clock.systemUTC()));
        for (boolean breakMidway : new boolean[] {true, false}) {
            StringBuilder csv = new StringBuilder("user_id,item_id,timestamp,type,store_id,channel\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append("u").append(i % 7).append(breakMidway ? ",a" : ",b").append(i)
                        .append(",2026-11-01T10:00:00Z,view,,web\n");
            }
            int length = csv.toString().getBytes(StandardCharsets.UTF_8).length;
            String key = "imports/interactions/faulty-" + breakMidway + ".csv";
            AwsStoresTest.s3.putObject(b -> b.bucket(fresh.importsBucket()).key(key),
                    RequestBody.fromString(csv.toString(), StandardCharsets.UTF_8));
            S3Client faulty = FaultyS3.firstReadFails(AwsStoresTest.s3, breakMidway ? length * 9 / 10 : -1);
            UploadRecords summaries = new UploadRecords(faulty, fresh.importsBucket(), ticking());
            S3Imports.Result result = new S3Imports(faulty, service, summaries).importObject(fresh.importsBucket(),
                    URLEncoder.encode(key, StandardCharsets.UTF_8));

            assertEquals("imported", result.status(), breakMidway + ": " + result.error());
            assertEquals(ROWS, result.report().orElseThrow().imported(),
                    "rows the broken pass stored are imported, not duplicates of this upload");
            List<UploadRecords.Upload> recent = summaries.recent(10).stream().filter(u -> u.key().equals(key))
                    .toList();
            assertEquals(1, recent.size(), "one summary per import run");
            assertEquals((long) ROWS, recent.get(0).imported());
        }
        long[] stored = {0};
        events.window(java.time.Instant.parse("2026-11-01T00:00:00Z"), java.time.Instant.parse("2026-11-02T00:00:00Z"))
                .forEach(e -> stored[0]++);
        assertEquals(2 * ROWS, stored[0], "every row of both uploads stored once");
        assertEquals(2 * (ROWS / 7 + 1), store.loadShopperContext("u0").state().items().size(),
                "every row of u0 reached its state once: one view per item");
        assertEquals(2.0 * (ROWS / 7 + 1), store.loadShopperContext("u0").state().items().values().stream()
                .mapToDouble(Double::doubleValue).sum(), 1e-9);
        List<io.omnirec.core.store.RebuildQueue.Entry> left = new java.util.ArrayList<>();
        queue.forEachExpired(java.time.Instant.now().plus(java.time.Duration.ofDays(1)), left::add);
        assertEquals(List.of(), left, "every rebuild done, no entry left for the repair job");
    }

    @Test
    void importObject_shouldReadOnWhereTheConnectionBroke_whenTheFirstReadEndsEarlyWithoutAnError() {
        AwsResources fresh = AwsStoresTest.freshResources();
        DynamoFeatureStore store = new DynamoFeatureStore(AwsStoresTest.dynamo, fresh.featuresTable());
        StringBuilder csv = new StringBuilder(io.omnirec.core.imports.CatalogCsv.fullHeader()).append('\n');
        for (int i = 0; i < 500; i++) {
            csv.append(io.omnirec.core.imports.CatalogCsv.line(new CatalogItem("item-" + i, "Item " + i, "A/B",
                    "Brand", 1 + i, false))).append('\n');
        }
        String key = "imports/catalog/ends-early.csv";
        AwsStoresTest.s3.putObject(b -> b.bucket(fresh.importsBucket()).key(key),
                RequestBody.fromString(csv.toString(), StandardCharsets.UTF_8));
        S3Client faulty = FaultyS3.firstReadEndsEarly(AwsStoresTest.s3, csv.length() / 3);

        S3Imports.Result result = new S3Imports(faulty, new ImportService(store),
                new UploadRecords(faulty, fresh.importsBucket(), ticking()))
                .importObject(fresh.importsBucket(), URLEncoder.encode(key, StandardCharsets.UTF_8));

        assertEquals("imported", result.status(), result.error());
        assertEquals(500, result.report().orElseThrow().rows(), "the rest was read from where the stream stopped");
        assertEquals(500, result.report().orElseThrow().imported());
        assertEquals(0, result.report().orElseThrow().rejected(), "no row was cut in two");
        assertEquals(500, store.items(java.util.stream.IntStream.range(0, 500).mapToObj(i -> "item-" + i).toList())
                .size());
    }

    @Test
    void importObject_shouldReadJsonLines_whenTheCatalogKeyEndsInJsonl() {
        AwsResources fresh = AwsStoresTest.freshResources();
        DynamoFeatureStore store = new DynamoFeatureStore(AwsStoresTest.dynamo, fresh.featuresTable());
        String key = "imports/catalog/items.jsonl";
        AwsStoresTest.s3.putObject(b -> b.bucket(fresh.importsBucket()).key(key), RequestBody.fromString(
                "{\"item_id\":\"tea\",\"title\":\"Tea\",\"category\":\"Grocery/Tea\",\"brand\":\"Leaf\",\"price\":4.5,"
                        + "\"consumable\":true}\n{\"item_id\":\"pot\",\"size\":\"L\"}\n", StandardCharsets.UTF_8));

        S3Imports.Result result = new S3Imports(AwsStoresTest.s3, new ImportService(store),
                new UploadRecords(AwsStoresTest.s3, fresh.importsBucket(), ticking()))
                .importObject(fresh.importsBucket(), URLEncoder.encode(key, StandardCharsets.UTF_8));

        assertEquals("imported", result.status(), result.error());
        assertEquals(1, result.report().orElseThrow().imported());
        assertEquals(1, result.report().orElseThrow().rejected(), "the line with an unknown field");
        assertEquals("Tea", store.items(List.of("tea")).get("tea").title());
    }
}
