package io.omnirec.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zips the stack deploys: each at most 40 MB, and none carries the emulators or their launcher, which only the
 * tests and the local run use.
 */
class FunctionZipsTest {
    private static final long MAX_BYTES = 40_000_000L;

    @Test
    void eachFunctionZip_shouldBeAtMost40MB_withoutEmulatorCode() throws IOException {
        Path root = Path.of(System.getProperty("omnirec.artifacts", "../.."));
        for (OmnirecFunction function : List.of(OmnirecFunction.INGEST, OmnirecFunction.FEATURES,
                OmnirecFunction.TRAIN, OmnirecFunction.RECOMMEND)) {
            Path zip = root.resolve("functions").resolve(function.name()).resolve("target/function.zip");
            assertTrue(Files.size(zip) <= MAX_BYTES, zip + " is " + Files.size(zip) + " bytes");
            try (ZipFile file = new ZipFile(zip.toFile())) {
                List<String> emulators = file.stream().map(ZipEntry::getName)
                        .filter(name -> name.contains("s3proxy") || name.contains("dynalite")
                                || name.contains("omnirec-testing") || name.contains("jetty"))
                        .toList();
                assertEquals(List.of(), emulators, zip.toString());
                for (ZipEntry entry : file.stream().filter(e -> e.getName().contains("omnirec-aws")).toList()) {
                    try (java.util.zip.ZipInputStream jar = new java.util.zip.ZipInputStream(
                            file.getInputStream(entry))) {
                        for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                            assertTrue(!inner.getName().startsWith("io/omnirec/aws/local/")
                                    || !inner.getName().endsWith(".class"), zip + ": " + inner.getName());
                        }
                    }
                }
            }
        }
    }
}
