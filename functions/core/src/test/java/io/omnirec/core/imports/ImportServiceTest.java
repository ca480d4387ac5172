package io.omnirec.core.imports;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportServiceTest {
    static final String HEADER = "item_id,title,category,brand,price,consumable\n";
    final InMemoryFeatureStore features = new InMemoryFeatureStore();
    final ImportService service = new ImportService(features);

    ImportReport importCatalog(String csv) {
        return service.importFile(ImportKind.CATALOG, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    List<CatalogItem> catalog() {
        List<CatalogItem> items = new ArrayList<>();
        features.forEachItem(items::add);
        return items;
    }

    @Test
    void importFile_shouldImportGoodRowsAndReportBadOnes_whenFileMixesThem() {
        ImportReport report = importCatalog(HEADER
                + "i1,\"Milk, whole\",Grocery/Dairy,Alpen,1.29,true\r\n"
                + "i2,Phone,Electronics/Phones,Nokio,-5,false\n"
                + "i3,Lamp,Home/Decor,Lumo,20\n"
                + "i1,Milk again,Grocery/Dairy,Alpen,1.39,true\n"
                + "i4,Chair,Home//Furniture,Sitz,80,false\n"
                + "i5,\"Bad \"quote,Home/Decor,Lumo,20,false\n"
                + "\n"
                + "i6,Rug,Home/Decor,Lumo,35.5,false\n"
                + "~img,Rug,Home/Decor,Lumo,35.5,false\n"
                + "i7," + "x".repeat(CsvLineReader.MAX_LINE_CHARS) + ",Home/Decor,Lumo,1,false\n");
        assertEquals(9, report.rows());
        assertEquals(2, report.imported());
        assertEquals(7, report.rejected());
        assertEquals(List.of("i1", "i6"), catalog().stream().map(CatalogItem::itemId).toList());
        assertEquals("Milk, whole", catalog().get(0).title());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        assertTrue(rejections.startsWith("line,code,reason,row\n"));
        assertTrue(rejections.contains("3,invalid_price"), rejections);
        assertTrue(rejections.contains("4,wrong_column_count"), rejections);
        assertTrue(rejections.contains("5,duplicate_id,the same id is on line 2"), rejections);
        assertTrue(rejections.contains("6,invalid_category"), rejections);
        assertTrue(rejections.contains("7,stray_quote"), rejections);
        assertTrue(rejections.contains("10,invalid_item_id"), rejections);
        assertTrue(rejections.contains("11,line_too_long"), rejections);
    }

    @Test
    void importFile_shouldImportNothing_whenHeaderIsWrong() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> importCatalog("id,name\ni1,Milk\n"));
        assertEquals("invalid_header", e.code());
        assertTrue(catalog().isEmpty());
    }

    @Test
    void importFile_shouldReadTheOptionalLifetimeColumn_andKeepImportingFilesWithoutIt() {
        ImportReport report = importCatalog("item_id,title,category,brand,price,consumable,repurchase_days\n"
                + "coffee,Coffee beans,Grocery/Coffee,Bean,9,true,30\n"
                + "tea,Tea,Grocery/Tea,Leaf,4,true,\n"
                + "bad1,Soap,Home/Bath,Suds,2,true,2.5\n"
                + "bad2,Soap,Home/Bath,Suds,2,true,99999\n"
                + "bad3,Soap,Home/Bath,Suds,2,true\n");
        assertEquals(2, report.imported());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        assertTrue(rejections.contains("4,invalid_repurchase_days"), rejections);
        assertTrue(rejections.contains("5,invalid_repurchase_days"), rejections);
        assertTrue(rejections.contains("6,wrong_column_count"), rejections);
        assertEquals(30, features.items(List.of("coffee")).get("coffee").repurchaseDays());
        assertEquals(0, features.items(List.of("tea")).get("tea").repurchaseDays());

        assertEquals(1, importCatalog(HEADER + "milk,Milk,Grocery/Dairy,Alpen,1,true\n").imported());
        assertEquals(0, features.items(List.of("milk")).get("milk").repurchaseDays());
        assertEquals("invalid_header", assertThrows(InvalidInputException.class,
                () -> importCatalog("item_id,title,category,brand,price,consumable,lifetime\n")).code());
        assertEquals("invalid_header", assertThrows(InvalidInputException.class,
                () -> importCatalog("item_id,title,category,brand,price,consumable,repurchase_days,x\n")).code());
    }

    @Test
    void importFile_shouldReadTheOptionalActiveColumn_soThatAWithdrawnItemIsKeptButMarked() {
        ImportReport report = importCatalog("item_id,title,category,brand,price,consumable,repurchase_days,active\n"
                + "old-tv,Old TV,Electronics/TV,Vizo,300,false,,false\n"
                + "new-tv,New TV,Electronics/TV,Vizo,350,false,,true\n"
                + "radio,Radio,Electronics/Audio,Vizo,30,false,,\n"
                + "bad,Lamp,Home/Decor,Lumo,30,false,,perhaps\n");
        assertEquals(3, report.imported());
        assertTrue(new String(report.rejectionsCsv(), StandardCharsets.UTF_8).contains("5,invalid_active"));
        assertTrue(features.items(List.of("old-tv")).get("old-tv").inactive());
        assertTrue(features.items(List.of("new-tv")).get("new-tv").active());
        assertTrue(features.items(List.of("radio")).get("radio").active(), "empty means on sale");
    }

    @Test
    void importFile_shouldRecordStockLevels_andRejectBadRows() {
        ImportReport report = service.importFile(ImportKind.INVENTORY, new ByteArrayInputStream((
                "store_id,item_id,in_stock\n"
                + "store-1,milk,false\n"
                + "online,tv,false\n"
                + "store-1,tea,maybe\n"
                + "~x,milk,true\n"
                + "store-1,milk,true\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, report.imported());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        assertTrue(rejections.contains("4,invalid_in_stock"), rejections);
        assertTrue(rejections.contains("5,invalid_store_id"), rejections);
        assertTrue(rejections.contains("6,duplicate_id"), rejections);
        assertEquals(java.util.Set.of("milk"), features.loadShopperContext("u", "store-1").unavailable());
        assertEquals(java.util.Set.of("tv"), features.loadShopperContext("u", "online").unavailable());
    }

    @Test
    void importFile_shouldNameStores_andRejectBadRows() {
        ImportReport report = service.importFile(ImportKind.STORES, new ByteArrayInputStream((
                "store_id,name\n"
                + "store-1,Riverside\n"
                + "store-2,\n"
                + "~x,Hidden\n"
                + "store-3,\"Old Town, North\"\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, report.imported());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        assertTrue(rejections.contains("3,invalid_name"), rejections);
        assertTrue(rejections.contains("4,invalid_store_id"), rejections);
        assertEquals(java.util.Optional.of("Riverside"), features.loadShopperContext("u", "store-1").storeName());
        assertEquals(java.util.Optional.of("Old Town, North"), features.loadShopperContext("u", "store-3").storeName());
        assertEquals(java.util.Optional.empty(), features.loadShopperContext("u", "store-2").storeName());
        assertEquals(Optional.of(ImportKind.STORES), ImportKind.ofKey("imports/stores/directory.csv"));
    }

    @Test
    void importFile_shouldFailClearly_whenFileIsNotUtf8() {
        byte[] latin1 = (HEADER + "i1,Caf\u00e9,Grocery/Dairy,Alpen,1,true\n").getBytes(StandardCharsets.ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service.importFile(ImportKind.CATALOG, new ByteArrayInputStream(latin1)));
        assertEquals("invalid_encoding", e.code());
    }

    @Test
    void importFile_shouldUpsertCustomers_whenCustomerFileIsValid() {
        String csv = "user_id,age,gender,region,home_store_id\nu1,34,F,North,store-01\nu2,200,M,South,\nu3,50,X,East,\n";
        ImportReport report = service.importFile(ImportKind.CUSTOMERS,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, report.imported());
        assertEquals(Optional.of(new Customer("u1", 34, "F", "North", "store-01")),
                features.loadShopperContext("u1").profile());
        assertEquals(Optional.of(new Customer("u3", 50, "X", "East", "")), features.loadShopperContext("u3").profile());
        String withConsent = "user_id,age,gender,region,home_store_id,postal_code,personalization\n"
                + "u4,40,F,North,,10115,false\nu5,41,M,South,,,\n";
        assertEquals(2, service.importFile(ImportKind.CUSTOMERS,
                new ByteArrayInputStream(withConsent.getBytes(StandardCharsets.UTF_8))).imported());
        assertEquals(Optional.of(new Customer("u4", 40, "F", "North", "", "10115", false)),
                features.loadShopperContext("u4").profile());
        assertEquals(Optional.of(new Customer("u5", 41, "M", "South", "")), features.loadShopperContext("u5").profile());
    }

    @Test
    void ofKey_shouldRouteImportsAndIgnoreReports_whenKeysVary() {
        assertEquals(Optional.of(ImportKind.CATALOG), ImportKind.ofKey("imports/catalog/2026 11 29.csv"));
        assertEquals(Optional.of(ImportKind.CUSTOMERS), ImportKind.ofKey("imports/customers/a.csv"));
        assertEquals(Optional.of(ImportKind.INVENTORY), ImportKind.ofKey("imports/inventory/stock.csv"));
        assertEquals(Optional.of(ImportKind.INTERACTIONS), ImportKind.ofKey("imports/interactions/pos.csv"));
        assertEquals(Optional.of(ImportKind.INTERACTION_EVENTS), ImportKind.ofKey("imports/interactions/web.jsonl"));
        assertEquals(Optional.empty(), ImportKind.ofKey("imports/catalog/a.csv.rejected.csv"));
        assertEquals(Optional.empty(), ImportKind.ofKey(ImportKind.rejectionKey("imports/catalog/a.csv")));
        assertEquals("rejects/imports/catalog/a.csv.rejected.csv", ImportKind.rejectionKey("imports/catalog/a.csv"));
        assertEquals(Optional.of(ImportKind.CATALOG), ImportKind.ofKey("imports/catalog/a.jsonl"));
        assertTrue(ImportKind.isJsonLines("imports/catalog/a.jsonl"));
        assertEquals(Optional.of(ImportKind.STORES), ImportKind.ofKey("imports/stores/names.jsonl"));
        assertEquals("unknown_import", assertThrows(InvalidInputException.class,
                () -> ImportKind.ofKey("imports/catalog/a.json")).code());
        assertEquals("unsupported_import", assertThrows(InvalidInputException.class,
                () -> service.importFile(ImportKind.INTERACTIONS, new ByteArrayInputStream(new byte[0]))).code());
        assertEquals("unknown_import", assertThrows(InvalidInputException.class,
                () -> ImportKind.ofKey("imports/orders/a.csv")).code());
        assertEquals("invalid_key", assertThrows(InvalidInputException.class,
                () -> ImportKind.ofKey("imports/catalog/../../models/champion.csv")).code());
        assertEquals("invalid_key", assertThrows(InvalidInputException.class,
                () -> ImportKind.ofKey("imports/catalog/a\u0000.csv")).code());
    }

    @Test
    void importFile_shouldReadDescriptionLaunchDateAndAttributes_inCsvAndJsonLines() {
        ImportReport csv = importCatalog("item_id,title,category,brand,price,consumable,repurchase_days,active,description,"
                + "launch_date,attributes\n"
                + "shirt,Shirt,Fashion/Shirts,Cotto,25,false,,,\"Soft, cotton\",2026-12-01,\"{\"\"colour\"\":\"\"red\"\"}\"\n"
                + "bad-date,Shirt,Fashion/Shirts,Cotto,25,false,,,,1 Dec,\n"
                + "bad-attributes,Shirt,Fashion/Shirts,Cotto,25,false,,,,,[1]\n");
        assertEquals(1, csv.imported());
        String rejections = new String(csv.rejectionsCsv(), StandardCharsets.UTF_8);
        assertTrue(rejections.contains("3,invalid_launch_date") && rejections.contains("4,invalid_attributes"),
                rejections);
        CatalogItem shirt = features.items(List.of("shirt")).get("shirt");
        assertEquals(new io.omnirec.core.domain.ItemDetails("Soft, cotton", java.util.Map.of("colour", "red"),
                java.time.LocalDate.parse("2026-12-01")), shirt.details());
        assertEquals(shirt, new CatalogCsv().map(CsvLineReader.split(1, CatalogCsv.line(shirt))
                .fields()), "the writer side writes what the reader reads");

        ImportReport lines = importJsonLines(ImportKind.CATALOG, "{\"item_id\":\"hat\",\"title\":\"Hat\","
                + "\"category\":\"Fashion/Hats\",\"brand\":\"Cotto\",\"price\":9,\"consumable\":false,"
                + "\"attributes\":{\"colour\":\"red\",\"size\":2}}\n");
        assertEquals(1, lines.imported());
        assertEquals(java.util.Map.of("colour", "red", "size", "2"),
                features.items(List.of("hat")).get("hat").details().attributes());
    }

    ImportReport importJsonLines(ImportKind kind, String lines) {
        return service.importFile(kind, true, new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                new ImportProgress());
    }

    @Test
    void importFile_shouldReadJsonLinesWithTheCsvColumnsAsKeys_andRejectWhatTheyCannotMean() {
        ImportReport report = importJsonLines(ImportKind.CATALOG, String.join("\n",
                "{\"item_id\":\"tea\",\"title\":\"Green tea, \\\"Sencha\\\"\",\"category\":\"Grocery/Tea\","
                        + "\"brand\":\"Leaf\",\"price\":4.5,\"consumable\":true,\"repurchase_days\":30}",
                "",
                "{\"item_id\":\"old-tv\",\"title\":\"TV\",\"category\":\"Electronics/TV\",\"brand\":\"Vizo\","
                        + "\"price\":\"300\",\"consumable\":false,\"repurchase_days\":null,\"active\":false}",
                "{\"item_id\":\"lamp\",\"title\":\"Lamp\",\"colour\":\"red\"}",
                "{\"item_id\":\"lamp\",\"title\":{\"en\":\"Lamp\"}}",
                "[\"lamp\"]",
                "{\"item_id\":\"lamp\"",
                "{\"item_id\":\"lamp\",\"category\":\"Home/Decor\",\"brand\":\"Lumo\",\"price\":30,"
                        + "\"consumable\":false}") + "\n");

        assertEquals(7, report.rows(), "blank lines are no rows");
        assertEquals(2, report.imported());
        String rejections = new String(report.rejectionsCsv(), StandardCharsets.UTF_8);
        for (String expected : new String[] {"4,unknown_field", "5,invalid_field", "6,invalid_json", "7,invalid_json",
            "8,invalid_title"}) {
            assertTrue(rejections.contains(expected), expected + " in " + rejections);
        }
        CatalogItem tea = features.items(List.of("tea")).get("tea");
        assertEquals("Green tea, \"Sencha\"", tea.title());
        assertEquals(30, tea.repurchaseDays());
        assertTrue(tea.consumable());
        assertTrue(features.items(List.of("old-tv")).get("old-tv").inactive());

        ImportReport stock = importJsonLines(ImportKind.INVENTORY,
                "{\"store_id\":\"store-1\",\"item_id\":\"tea\",\"in_stock\":false}\n");
        assertEquals(1, stock.imported());
        assertEquals(java.util.Set.of("tea"), features.loadShopperContext("u", "store-1").unavailable());
        ImportReport customers = importJsonLines(ImportKind.CUSTOMERS,
                "{\"user_id\":\"jürgen.müller+vip@example.com\",\"age\":41,\"gender\":\"M\",\"region\":\"South\","
                        + "\"home_store_id\":\"store-1\"}\n");
        assertEquals(1, customers.imported());
        assertEquals(41, features.customer("jürgen.müller+vip@example.com").orElseThrow().age());
    }
}
