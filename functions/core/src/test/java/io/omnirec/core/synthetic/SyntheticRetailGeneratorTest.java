package io.omnirec.core.synthetic;

import io.omnirec.core.domain.EventType;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportReport;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.store.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticRetailGeneratorTest {

    @Test
    void generate_shouldGiveIdenticalData_whenSeedIsTheSame() {
        SyntheticDataset a = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(11)).generate();
        SyntheticDataset b = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(11)).generate();
        SyntheticDataset c = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(12)).generate();
        assertEquals(a, b);
        assertNotEquals(a.events(), c.events());
    }

    @Test
    void generate_shouldScale_whenAskedForMoreShoppers() {
        var config = new SyntheticRetailGenerator.Config(5, 2000, 500, 90, Instant.parse("2026-01-01T00:00:00Z"), 10);
        SyntheticDataset data = new SyntheticRetailGenerator(config).generate();
        assertEquals(2000, data.customers().size());
        assertEquals(500, data.items().size());
        assertTrue(data.events().size() > 20 * 2000, "events: " + data.events().size());
        assertTrue(data.events().stream().anyMatch(e -> e.type() == EventType.PURCHASE));
        assertTrue(data.events().stream().allMatch(e -> !e.channel().isPhysical() || e.storeId() != null));
    }

    @Test
    void csv_shouldImportWithoutRejections_whenWrittenByTheGenerator() {
        SyntheticDataset data = new SyntheticRetailGenerator(SyntheticRetailGenerator.Config.small(3)).generate();
        InMemoryFeatureStore features = new InMemoryFeatureStore();
        ImportService service = new ImportService(features);
        ImportReport catalog = service.importFile(ImportKind.CATALOG,
                new ByteArrayInputStream(data.catalogCsv().getBytes(StandardCharsets.UTF_8)));
        ImportReport customers = service.importFile(ImportKind.CUSTOMERS,
                new ByteArrayInputStream(data.customersCsv().getBytes(StandardCharsets.UTF_8)));
        assertEquals(data.items().size(), catalog.imported());
        assertEquals(0, catalog.rejected());
        assertEquals(data.customers().size(), customers.imported());
        assertEquals(0, customers.rejected());
    }
}
