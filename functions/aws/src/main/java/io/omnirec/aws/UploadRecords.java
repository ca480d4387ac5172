package io.omnirec.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnirec.core.imports.ImportKind;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A summary object per import run, beside the uploads under {@link ImportKind#SUMMARIES_PREFIX} (outside every import
 * prefix, so writing one triggers nothing): what was imported, what was rejected and where the rejections are. Keys
 * start with the time counted down from the far future, so that S3's ascending listing gives the newest first and the
 * last runs cost one {@code ListObjectsV2} and one {@code GetObject} each.
 */
public final class UploadRecords {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public UploadRecords(S3Client s3, String bucket, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * One import run of one upload.
     *
     * @param status        {@code imported} or {@code rejected} (the whole file, see {@code error})
     * @param rejectionsKey where its rejected rows are, or {@code null}
     */
    public record Upload(String key, String kind, String status, long rows, long imported, long rejected,
                         String rejectionsKey, String error, Instant at) {
    }

    /** Records a run; returns the summary object's key. */
    public String write(String key, Optional<ImportKind> kind, String status, long rows, long imported, long rejected,
                        String rejectionsKey, String error) {
        Instant at = clock.instant();
        Upload upload = new Upload(key, kind.map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
                status, rows, imported, rejected, rejectionsKey, error, at);
        String target = ImportKind.SUMMARIES_PREFIX + String.format("%019d", Long.MAX_VALUE - at.toEpochMilli())
                + "-" + Integer.toHexString(key.hashCode()) + ".json";
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IdempotentPut.run("s3://" + bucket + "/" + target, () -> s3.putObject(b -> b.bucket(bucket).key(target)
                .contentType("application/json"), RequestBody.fromBytes(json)));
        return target;
    }

    /** The last {@code limit} runs, newest first. */
    public List<Upload> recent(int limit) {
        List<Upload> uploads = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2(b -> b.bucket(bucket).prefix(ImportKind.SUMMARIES_PREFIX)
                .maxKeys(limit)).contents()) {
            try {
                uploads.add(JSON.readValue(s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                        .asByteArray(), Upload.class));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable import summary " + object.key(), e);
            }
        }
        return uploads;
    }
}
