package io.omnirec.infra;

import io.omnirec.packaging.MergeLibraries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zips the stack deploys: each at most 40 MB, their libraries merged into one jar (infra/packaging), and none
 * carries the emulators, their launcher or the tests' helpers, which only the tests and the local run use.
 */
class FunctionZipsTest {
    private static final long MAX_BYTES = 40_000_000L;
    private static final List<String> TEST_ONLY = List.of("org/gaul/s3proxy/", "org/eclipse/jetty/",
            "io/omnirec/testing/", "io/omnirec/aws/local/");

    @Test
    void eachFunctionZip_shouldBeAtMost40MB_withOneLibraryJar_withoutEmulatorCode() throws IOException {
        Path root = Path.of(System.getProperty("omnirec.artifacts", "../.."));
        for (OmnirecFunction function : List.of(OmnirecFunction.INGEST, OmnirecFunction.FEATURES,
                OmnirecFunction.TRAIN, OmnirecFunction.RECOMMEND)) {
            Path zip = root.resolve("functions").resolve(function.name()).resolve("target/function.zip");
            assertTrue(Files.size(zip) <= MAX_BYTES, zip + " is " + Files.size(zip) + " bytes");
            try (ZipFile file = new ZipFile(zip.toFile())) {
                List<String> libraries = file.stream().map(ZipEntry::getName)
                        .filter(name -> name.startsWith("lib/") && name.endsWith(".jar")).toList();
                assertEquals(List.of(MergeLibraries.MERGED), libraries, zip.toString());
                List<String> classes = new ArrayList<>();
                file.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class")).forEach(classes::add);
                try (ZipInputStream jar = new ZipInputStream(file.getInputStream(file.getEntry(MergeLibraries.MERGED)))) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getName().endsWith(".class")) {
                            classes.add(inner.getName());
                        }
                    }
                }
                assertTrue(classes.stream().anyMatch(name -> name.startsWith("software/amazon/awssdk/")),
                        zip + ": the libraries were read");
                List<String> testOnly = classes.stream()
                        .filter(name -> TEST_ONLY.stream().anyMatch(name::startsWith)).toList();
                assertEquals(List.of(), testOnly, zip.toString());
            }
        }
    }
}
