package io.omnirec.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The S3 reads and writes the versioned stores share: an object's bytes if it exists, and a pointer object
 * {@code {"version": "..."}} that names the current version.
 */
final class S3Objects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;

    S3Objects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The version a pointer names; {@link IllegalArgumentException} when the pointer is not one. */
    Optional<String> pointer(String key) {
        return get(key).map(bytes -> {
            try {
                JsonNode pointer = JSON.readTree(bytes);
                return pointer.required("version").asText();
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the pointer " + key + " is not valid JSON", e);
            }
        });
    }

    void movePointer(String key, String version) {
        movePointer(key, version, null);
    }

    /** Moves a pointer and records the version it named before ({@code previous}, when not {@code null}). */
    void movePointer(String key, String version, String previous) {
        var node = JSON.createObjectNode().put("version", version);
        if (previous != null) {
            node.put("previous", previous);
        }
        putJson(key, node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The version a pointer named before its last move, if it records one. */
    Optional<String> previous(String key) {
        return get(key).flatMap(bytes -> {
            try {
                JsonNode previous = JSON.readTree(bytes).get("previous");
                return previous == null || !previous.isTextual() ? Optional.empty() : Optional.of(previous.asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("the pointer " + key + " is not valid JSON", e);
            }
        });
    }

    void putJson(String key, byte[] json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
    }

    void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
