package io.omnirec.core.training;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One model version: the Tribuo protobuf bytes and the card that describes them. */
public record ModelArtifact(ModelCard card, byte[] modelBytes) {

    public String version() {
        return card.version();
    }

    /** Throws {@link CorruptModelException} unless the bytes match the card's size and SHA-256. */
    public ModelArtifact verify() {
        if (modelBytes.length != card.artifactBytes() || !sha256(modelBytes).equals(card.artifactSha256())) {
            throw new CorruptModelException("model " + card.version() + " does not match the checksum in its card");
        }
        return this;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
