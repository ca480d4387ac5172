package io.omnirec.packaging;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Rewrites a function's {@code function.zip} so that its libraries ({@code lib/*.jar}, about 200 for recommend) are
 * one jar, {@value #MERGED}. Lambda's Java runtime loads a function's classes through one class loader over the task
 * root and each jar of {@code lib/} in lexical order, and looks a class up jar after jar: with 200 jars, most of the
 * 6,000 to 10,000 classes a function loads at its cold start cost a probe of every jar before theirs. One jar is one
 * lookup.
 *
 * <p>The merge keeps what the class loader would have seen: the jars are read in lexical order and the first copy of
 * an entry wins (the functions' jars hold no class twice); service declarations ({@code META-INF/services/*}) and
 * Netty's version files, which are read from every jar, are concatenated in that order; signatures and jar indexes,
 * which describe one jar, are dropped; the merged manifest says {@code Multi-Release: true} when any jar did. Every
 * other entry of the zip is copied unchanged, with its Unix mode. A zip without two or more libraries (a native
 * build) is left as it is. Entries get a fixed time, so the same inputs give the same bytes.
 */
public final class MergeLibraries {
    /** The one library jar of a rewritten zip. */
    public static final String MERGED = "lib/omnirec-libraries.jar";
    private static final String LIB = "lib/";
    private static final FileTime FIXED = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, the zip epoch
    private static final int FILE_MODE = 0644;
    private static final int DIRECTORY_MODE = 040755;

    private MergeLibraries() {
    }

    /** {@code MergeLibraries path/to/function.zip}: rewrites the zip in place. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MergeLibraries FUNCTION_ZIP");
            System.exit(2);
        }
        Path zip = Path.of(args[0]);
        if (!Files.exists(zip)) {
            System.out.println("MergeLibraries: no " + zip + ", nothing to merge");
            return;
        }
        int merged = rewrite(zip);
        System.out.println("MergeLibraries: " + (merged < 2 ? "left " + zip + " as it is (" + merged + " libraries)"
                : "merged " + merged + " libraries of " + zip + " into " + MERGED));
    }

    /** Rewrites {@code zip} in place; returns how many library jars it held. */
    public static int rewrite(Path zip) throws IOException {
        List<String> libraries = new ArrayList<>();
        try (ZipFile in = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                if (isLibrary(entry.getName())) {
                    libraries.add(entry.getName());
                }
            }
            if (libraries.size() < 2) {
                return libraries.size();
            }
            Collections.sort(libraries);
            byte[] merged = merge(in, libraries);
            Path out = Files.createTempFile(zip.getParent(), "function", ".zip");
            try {
                writeWithMerged(in, merged, out);
                if (Files.getFileStore(zip).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(out, Files.getPosixFilePermissions(zip));
                }
                Files.move(out, zip, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(out);
            }
        }
        return libraries.size();
    }

    /** {@code in} without its libraries, and the merged jar in their place, to {@code out}. */
    private static void writeWithMerged(ZipFile in, byte[] merged, Path out) throws IOException {
        try (ZipArchiveOutputStream zipOut = new ZipArchiveOutputStream(out.toFile())) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                if (isLibrary(entry.getName())) {
                    continue;
                }
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                copy.setUnixMode(entry.getUnixMode());
                copy.setLastModifiedTime(entry.getLastModifiedTime());
                zipOut.putArchiveEntry(copy);
                try (InputStream body = in.getInputStream(entry)) {
                    body.transferTo(zipOut);
                }
                zipOut.closeArchiveEntry();
            }
            write(zipOut, MERGED, merged);
        }
    }

    private static boolean isLibrary(String name) {
        return name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0;
    }

    /** The libraries' entries as one jar, in their lexical order. */
    private static byte[] merge(ZipFile zip, List<String> libraries) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, ByteArrayOutputStream> concatenated = new LinkedHashMap<>();
        boolean multiRelease = false;
        for (String library : libraries) {
            byte[] jarBytes;
            try (InputStream body = zip.getInputStream(zip.getEntry(library))) {
                jarBytes = body.readAllBytes();
            }
            try (ZipFile jar = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(jarBytes))
                    .get()) {
                for (ZipArchiveEntry entry : Collections.list(jar.getEntries())) {
                    String name = entry.getName();
                    if (isDropped(name)) {
                        continue;
                    }
                    byte[] body;
                    try (InputStream in = jar.getInputStream(entry)) {
                        body = in.readAllBytes();
                    }
                    if (name.equals("META-INF/MANIFEST.MF")) {
                        multiRelease |= Boolean.parseBoolean(new Manifest(new ByteArrayInputStream(body))
                                .getMainAttributes().getValue("Multi-Release"));
                    } else if (isConcatenated(name)) {
                        ByteArrayOutputStream all = concatenated.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                        all.write(body);
                        all.write('\n');
                    } else {
                        entries.putIfAbsent(name, body);
                    }
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream jar = new ZipArchiveOutputStream(bytes)) {
            write(jar, "META-INF/MANIFEST.MF", manifest(multiRelease));
            for (Map.Entry<String, ByteArrayOutputStream> entry : concatenated.entrySet()) {
                write(jar, entry.getKey(), entry.getValue().toByteArray());
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                write(jar, entry.getKey(), entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** Signatures and indexes describe one jar and would be wrong for the merged one. */
    private static boolean isDropped(String name) {
        if (name.equals("META-INF/")) {
            return false;
        }
        if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.equals("META-INF/INDEX.LIST");
    }

    /** Files read from every jar on the class path, whose lines add up. */
    private static boolean isConcatenated(String name) {
        return name.startsWith("META-INF/services/") && name.length() > "META-INF/services/".length()
                || name.equals("META-INF/io.netty.versions.properties");
    }

    private static byte[] manifest(boolean multiRelease) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "omnirec-packaging (MergeLibraries)");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static void write(ZipArchiveOutputStream jar, String name, byte[] body) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setLastModifiedTime(FIXED);
        entry.setUnixMode(name.endsWith("/") ? DIRECTORY_MODE : FILE_MODE);
        jar.putArchiveEntry(entry);
        jar.write(body);
        jar.closeArchiveEntry();
    }
}
