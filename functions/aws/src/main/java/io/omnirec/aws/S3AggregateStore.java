package io.omnirec.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.AggregatesCodec;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.store.AggregateStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Aggregate builds in S3: {@code <prefix><version>/aggregates.json.gz}, then the pointer {@code <prefix>latest.json}
 * is moved to it, so a reader never sees half a build. A build is written whole with one PutObject.
 */
public final class S3AggregateStore implements AggregateStore {
    static final String FILE = "aggregates.json.gz";
    static final String POINTER = "latest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3AggregateStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void save(Aggregates aggregates) {
        String version = Identifiers.requireValid("version", aggregates.version());
        s3.putObject(b -> b.bucket(bucket).key(prefix + version + "/" + FILE).contentType("application/gzip"),
                RequestBody.fromBytes(AggregatesCodec.encode(aggregates)));
        byte[] pointer = JSON.createObjectNode().put("version", version).toString().getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key(prefix + POINTER).contentType("application/json"),
                RequestBody.fromBytes(pointer));
    }

    @Override
    public Optional<Aggregates> latest() {
        return latestVersion().flatMap(this::load);
    }

    @Override
    public Optional<String> latestVersion() {
        return get(prefix + POINTER).map(bytes -> {
            try {
                JsonNode pointer = JSON.readTree(bytes);
                return pointer.required("version").asText();
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("the aggregates pointer is not valid JSON", e);
            }
        });
    }

    @Override
    public Optional<Aggregates> load(String version) {
        if (!Identifiers.isValid(version)) {
            return Optional.empty();
        }
        return get(prefix + version + "/" + FILE).map(AggregatesCodec::decode);
    }

    private Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
