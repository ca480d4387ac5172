package io.omnirec.aws;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportProgress;
import io.omnirec.core.imports.ImportReport;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.imports.RejectionsCsv;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs the import of one uploaded S3 object: decodes and checks the key from the notification, streams the object
 * through the {@link ImportService}, writes rejected rows to {@code rejects/<key>.rejected.csv} and a summary of the
 * run ({@link UploadRecords}), both outside the import prefixes, so no notification fires.
 */
public final class S3Imports {
    /** Larger uploads must be split; one Lambda invocation streams at most this much. */
    public static final long MAX_OBJECT_BYTES = 512L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(S3Imports.class.getName());
    /** How many times an object is read when the connection breaks while reading it. */
    static final int READ_ATTEMPTS = 3;

    private final S3Client s3;
    private final ImportService imports;
    private final UploadRecords records;
    private final long maxObjectBytes;

    public S3Imports(S3Client s3, ImportService imports, UploadRecords records) {
        this(s3, imports, records, MAX_OBJECT_BYTES);
    }

    /** With a size limit other than {@link #MAX_OBJECT_BYTES}. */
    public S3Imports(S3Client s3, ImportService imports, UploadRecords records, long maxObjectBytes) {
        this.s3 = s3;
        this.imports = imports;
        this.records = records;
        this.maxObjectBytes = maxObjectBytes;
    }

    /**
     * The outcome of one object.
     *
     * @param status        {@code imported}, {@code rejected} (the whole file: see {@code error}; {@code invalid_key}
     *                      for a key that is not URL-encoded) or {@code skipped} (our own rejection report, a file an
     *                      erasure rewrote, or an object gone by the time it is read: {@code object_missing}); never an
     *                      exception for one object, so that S3 does not deliver the notification again

     * @param rejectionsKey where rejected rows were written, or {@code null}
     */
    public record Result(String bucket, String key, String status, Optional<ImportReport> report,
                         String rejectionsKey, String error) {
    }

    /**
     * @param encodedKey the key exactly as S3 event notifications carry it: URL-encoded, {@code +} for space
     */
    public Result importObject(String bucket, String encodedKey) {
        String key;
        try {
            key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            LOG.warning("rejected a notification whose key is not URL-encoded: " + e.getMessage());
            records.write(encodedKey, Optional.empty(), "rejected", 0, 0, 0, null, "invalid_key");
            return new Result(bucket, encodedKey, "rejected", Optional.empty(), null, "invalid_key");
        }
        Optional<ImportKind> kind = ImportKind.ofKey(key);
        if (kind.isEmpty()) {
            return new Result(bucket, key, "skipped", Optional.empty(), null, null);
        }
        ImportProgress progress = new ImportProgress();
        Optional<ImportReport> report;
        for (int attempt = 1; ; attempt++) {
            try {
                report = readAndImport(bucket, key, kind.get(), progress);
                break;
            } catch (NoSuchKeyException e) {
                LOG.warning(String.format("s3://%s/%s is gone; nothing to import", bucket, key));
                return new Result(bucket, key, "skipped", Optional.empty(), null, "object_missing");
            } catch (InvalidInputException e) {
                LOG.warning(String.format("rejected s3://%s/%s: %s", bucket, key, e.getMessage()));
                String rejectionsKey = writeRejections(bucket, key, RejectionsCsv.wholeFile(e));
                records.write(key, kind, "rejected", 0, 0, 0, rejectionsKey, e.code());
                return new Result(bucket, key, "rejected", Optional.empty(), rejectionsKey, e.code());
            } catch (UncheckedIOException | SdkClientException e) {
                if (attempt >= READ_ATTEMPTS) {
                    throw e;
                }
                LOG.warning(String.format("reading s3://%s/%s failed (attempt %d of %d), reading it again: %s",
                        bucket, key, attempt, READ_ATTEMPTS, e.getMessage()));
            }
        }
        if (report.isEmpty()) {
            return new Result(bucket, key, "skipped", Optional.empty(), null, null);
        }
        // the bookkeeping is written once the import is complete, outside the retried pass: a failed write here must
        // not run the import again
        ImportReport done = report.get();
        String rejectionsKey = done.rejected() > 0 ? writeRejections(bucket, key, done.rejectionsCsv()) : null;
        LOG.info(String.format("imported s3://%s/%s: %d rows, %d imported, %d rejected", bucket, key, done.rows(),
                done.imported(), done.rejected()));
        try {
            records.write(key, kind, "imported", done.rows(), done.imported(), done.rejected(), rejectionsKey, null);
        } catch (UncheckedIOException | SdkClientException e) {
            // the rows are imported and counted in the log and metrics; failing now would have S3 deliver the
            // notification again and import the file a second time, for nothing
            LOG.severe(String.format("the summary of s3://%s/%s was not written: %s", bucket, key, e.getMessage()));
        }
        return new Result(bucket, key, "imported", report, rejectionsKey, null);
    }

    /**
     * One pass over the object; empty for a file an erasure rewrote. A connection that breaks mid-stream is not
     * retried by the SDK (it already answered): the stream reads on from where it broke ({@link ResumingObjectStream});
     * when that fails too, the whole pass is repeated, since every import is safe to repeat: items,
     * profiles and stock levels are upserts, and interactions are stored once by event id ({@code progress} counts
     * what a broken pass stored). A failure to close the stream after a complete pass changes nothing and is only
     * logged.
     */
    private Optional<ImportReport> readAndImport(String bucket, String key, ImportKind kind, ImportProgress progress) {
        ResponseInputStream<GetObjectResponse> content = s3.getObject(b -> b.bucket(bucket).key(key));
        ResumingObjectStream body = new ResumingObjectStream(s3, bucket, key, content);
        ImportReport report;
        try {
            if (content.response().metadata().containsKey(S3ImportArchive.ERASED)) {
                content.abort();
                return Optional.empty();
            }
            if (content.response().contentLength() > maxObjectBytes) {
                throw new InvalidInputException("object_too_large", key + " is larger than " + maxObjectBytes
                        + " bytes; split it");
            }
            report = imports.importFile(kind, ImportKind.isJsonLines(key), body, progress);
        } catch (RuntimeException e) {
            body.abort();
            throw e;
        }
        try {
            body.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing s3://" + bucket + "/" + key + " after a complete pass failed: " + e);
        }
        return Optional.of(report);
    }

    private String writeRejections(String bucket, String key, byte[] csv) {
        String target = ImportKind.rejectionKey(key);
        IdempotentPut.run("s3://" + bucket + "/" + target, () -> s3.putObject(b -> b.bucket(bucket).key(target)
                .contentType("text/csv"), RequestBody.fromBytes(csv)));
        return target;
    }
}
