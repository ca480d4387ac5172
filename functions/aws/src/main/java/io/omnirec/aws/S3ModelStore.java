package io.omnirec.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Model versions in S3: {@code <prefix><version>/model.tribuo} (Tribuo protobuf), {@code <prefix><version>/card.json},
 * and the pointer {@code <prefix>champion.json}. Version objects are written with {@code If-None-Match: *}, so a
 * version is never overwritten.
 */
public final class S3ModelStore implements ModelStore {
    static final String MODEL_FILE = "model.tribuo";
    static final String CARD_FILE = "card.json";
    static final String CHAMPION_FILE = "champion.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ModelStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void putVersion(ModelArtifact artifact) {
        String version = Identifiers.requireValid("version", artifact.version());
        putNew(key(version, MODEL_FILE), artifact.modelBytes(), "application/x-protobuf");
        putNew(key(version, CARD_FILE), artifact.card().toJson(), "application/json");
    }

    private void putNew(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType(contentType),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                if (get(key).filter(existing -> java.util.Arrays.equals(existing, bytes)).isPresent()) {
                    return; // our own write, retried by the SDK after the first attempt had landed
                }
                throw new IllegalStateException("model object " + key + " exists; versions are immutable", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<ModelArtifact> load(String version) {
        if (!Identifiers.isValid(version)) {
            return Optional.empty();
        }
        Optional<byte[]> card = get(key(version, CARD_FILE));
        Optional<byte[]> model = get(key(version, MODEL_FILE));
        if (card.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelArtifact(ModelCard.fromJson(card.get()), model.get()));
    }

    @Override
    public Optional<String> champion() {
        return get(prefix + CHAMPION_FILE).map(bytes -> {
            try {
                JsonNode pointer = JSON.readTree(bytes);
                return pointer.required("version").asText();
            } catch (IOException | IllegalArgumentException e) {
                throw new io.omnirec.core.training.CorruptModelException("champion pointer is not valid JSON", e);
            }
        });
    }

    @Override
    public void promote(String version) {
        if (!Identifiers.isValid(version) || get(key(version, CARD_FILE)).isEmpty()) {
            throw new IllegalArgumentException("no model version " + version);
        }
        byte[] pointer = JSON.createObjectNode().put("version", version).toString().getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key(prefix + CHAMPION_FILE).contentType("application/json"),
                RequestBody.fromBytes(pointer));
    }

    private String key(String version, String file) {
        return prefix + version + "/" + file;
    }

    private Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
