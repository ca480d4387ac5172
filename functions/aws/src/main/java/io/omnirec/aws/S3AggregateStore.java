package io.omnirec.aws;

import io.omnirec.core.aggregates.Aggregates;
import io.omnirec.core.aggregates.AggregatesCodec;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.store.AggregateStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Optional;

/**
 * Aggregate builds in S3: {@code <prefix><version>/aggregates.json.gz}, then the pointer {@code <prefix>latest.json}
 * is moved to it, so a reader never sees half a build. A build is written whole with one PutObject.
 */
public final class S3AggregateStore implements AggregateStore {
    static final String FILE = "aggregates.json.gz";
    static final String POINTER = "latest.json";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final S3Objects objects;

    public S3AggregateStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.objects = new S3Objects(s3, bucket);
    }

    @Override
    public void save(Aggregates aggregates) {
        String version = Identifiers.requireToken("version", aggregates.version());
        s3.putObject(b -> b.bucket(bucket).key(prefix + version + "/" + FILE).contentType("application/gzip"),
                RequestBody.fromBytes(AggregatesCodec.encode(aggregates)));
        objects.movePointer(prefix + POINTER, version);
    }

    @Override
    public Optional<Aggregates> latest() {
        return latestVersion().flatMap(this::load);
    }

    @Override
    public Optional<String> latestVersion() {
        return objects.pointer(prefix + POINTER);
    }

    @Override
    public Optional<Aggregates> load(String version) {
        if (!Identifiers.isToken(version)) {
            return Optional.empty();
        }
        return objects.get(prefix + version + "/" + FILE).map(AggregatesCodec::decode);
    }
}
