package io.omnirec.core.training;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.store.memory.InMemoryModelStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCatalogTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void list_shouldShowEachVersionsCardNewestFirst_andMarkTheChampion() throws IOException {
        InMemoryModelStore models = new InMemoryModelStore();
        ModelArtifact reference = ReferenceModel.committed();
        models.putVersion(reference);
        ModelCatalog catalog = new ModelCatalog(models);
        assertEquals(null, catalog.list(10).champion());
        assertEquals(reference.version(), catalog.promote(json("{\"version\":\"" + reference.version() + "\"}")));

        ModelCatalog.Listing listing = catalog.list(10);
        assertEquals(reference.version(), listing.champion());
        assertEquals(List.of(reference.version()), listing.versions().stream().map(ModelCatalog.Version::version)
                .toList());
        assertTrue(listing.versions().get(0).champion());
        assertEquals(reference.card().metrics(), listing.versions().get(0).metrics());
    }

    @Test
    void listAndPromote_shouldRefuseWhatIsNotAVersion() {
        ModelCatalog catalog = new ModelCatalog(new InMemoryModelStore());
        assertEquals("invalid_limit", assertThrows(InvalidInputException.class, () -> catalog.list(0)).code());
        assertEquals("invalid_limit", assertThrows(InvalidInputException.class,
                () -> catalog.list(ModelCatalog.MAX_LISTED + 1)).code());
        assertEquals("unknown_version", assertThrows(InvalidInputException.class,
                () -> catalog.promote(json("{\"version\":\"v404\"}"))).code());
        for (String hostile : List.of("{\"version\":\"../x\"}", "{\"version\":1}", "{}", "{\"version\":\"a\",\"b\":1}")) {
            assertEquals("invalid_version", assertThrows(InvalidInputException.class,
                    () -> catalog.promote(json(hostile))).code(), hostile);
        }
    }
}
