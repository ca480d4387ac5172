package io.omnirec.core.training;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One model version: its card and the bytes of each artifact the card lists, by artifact name.
 */
public record ModelArtifact(ModelCard card, Map<String, byte[]> files) {

    public ModelArtifact {
        files = Map.copyOf(files);
    }

    public String version() {
        return card.version();
    }

    /** The Tribuo protobuf model. */
    public byte[] modelBytes() {
        return files.get(ModelCard.MODEL);
    }

    /** Throws {@link CorruptModelException} unless every artifact's bytes match its size and SHA-256 in the card. */
    public ModelArtifact verify() {
        return verify(card.artifacts().keySet());
    }

    /** Checks the named artifacts against the checksums in the card. */
    public ModelArtifact verify(java.util.Collection<String> names) {
        for (Map.Entry<String, ModelCard.Artifact> entry : card.artifacts().entrySet()) {
            if (!names.contains(entry.getKey())) {
                continue;
            }
            byte[] bytes = files.get(entry.getKey());
            ModelCard.Artifact expected = entry.getValue();
            if (bytes == null || bytes.length != expected.bytes() || !sha256(bytes).equals(expected.sha256())) {
                throw new CorruptModelException("artifact " + entry.getKey() + " of model " + card.version()
                        + " does not match the checksum in its card");
            }
        }
        return this;
    }

    /** Describes {@code bytes} as an artifact stored as {@code file}. */
    public static ModelCard.Artifact describe(String file, String format, byte[] bytes) {
        return new ModelCard.Artifact(file, format, bytes.length, sha256(bytes));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
