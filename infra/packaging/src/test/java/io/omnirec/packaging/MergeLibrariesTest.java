package io.omnirec.packaging;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rewritten zip serves every class and resource as the jars did, through one jar. */
class MergeLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void rewrite_shouldServeWhatTheJarsServedInLexicalOrder_throughOneJar() throws Exception {
        Path zip = dir.resolve("function.zip");
        Map<String, byte[]> first = new LinkedHashMap<>();
        first.put("META-INF/MANIFEST.MF", text("Manifest-Version: 1.0\nMulti-Release: true\n\n"));
        first.put("a/One.class", text("one from a"));
        first.put("shared.txt", text("from a"));
        first.put("META-INF/services/x.Service", text("a.Impl"));
        first.put("META-INF/A.SF", text("signature of a"));
        Map<String, byte[]> second = new LinkedHashMap<>();
        second.put("b/Two.class", text("two from b"));
        second.put("shared.txt", text("from b"));
        second.put("META-INF/services/x.Service", text("b.Impl"));
        second.put("META-INF/INDEX.LIST", text("index of b"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("application.properties", text("k=v"));
        files.put("io/omnirec/Handler.class", text("handler"));
        files.put("lib/b-2.jar", jar(second)); // out of order in the zip: the merge sorts
        files.put("lib/a-1.jar", jar(first));
        write(zip, files);

        assertEquals(2, MergeLibraries.rewrite(zip));

        Map<String, byte[]> rewritten = read(zip);
        assertEquals(List.of("application.properties", "io/omnirec/Handler.class", MergeLibraries.MERGED),
                new ArrayList<>(rewritten.keySet()));
        assertArrayEquals(text("handler"), rewritten.get("io/omnirec/Handler.class"));
        Path merged = dir.resolve("merged.jar");
        Files.write(merged, rewritten.get(MergeLibraries.MERGED));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {merged.toUri().toURL()}, null);
             JarFile jar = new JarFile(merged.toFile())) {
            assertEquals("one from a", resource(loader, "a/One.class"));
            assertEquals("two from b", resource(loader, "b/Two.class"));
            assertEquals("from a", resource(loader, "shared.txt"), "the first jar in lexical order wins");
            assertEquals("a.Impl\nb.Impl\n", resource(loader, "META-INF/services/x.Service"));
            assertNull(loader.getResource("META-INF/A.SF"));
            assertNull(loader.getResource("META-INF/INDEX.LIST"));
            assertTrue(jar.isMultiRelease());
        }
    }

    @Test
    void rewrite_shouldGiveTheSameBytes_forTheSameZip() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("lib/a.jar", jar(Map.of("a/A.class", text("a"))));
        files.put("lib/b.jar", jar(Map.of("b/B.class", text("b"))));
        Path one = dir.resolve("one.zip");
        Path two = dir.resolve("two.zip");
        write(one, files);
        write(two, files);
        MergeLibraries.rewrite(one);
        MergeLibraries.rewrite(two);
        assertArrayEquals(read(one).get(MergeLibraries.MERGED), read(two).get(MergeLibraries.MERGED));
    }

    @Test
    void rewrite_shouldLeaveAZipWithoutLibrariesAsItIs() throws Exception {
        Path zip = dir.resolve("function.zip");
        write(zip, Map.of("bootstrap", text("#!/bin/sh"), "lib/only.jar", jar(Map.of("x", text("x")))));
        byte[] before = Files.readAllBytes(zip);
        assertEquals(1, MergeLibraries.rewrite(zip));
        assertArrayEquals(before, Files.readAllBytes(zip));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] jar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        Files.write(zip, jar(entries));
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(
                new SeekableInMemoryByteChannel(Files.readAllBytes(zip))).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }
}
