package io.omnirec.aws;

import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ShopperRowFilter;
import io.omnirec.core.store.ImportArchive;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The uploads in the imports bucket. Erasing a shopper streams every customers and interactions upload, and the
 * rejections beside them, through {@link ShopperRowFilter} into a temporary file, and writes back the ones that named
 * the shopper, marked {@value #ERASED} so that their {@code ObjectCreated} notification imports nothing again
 * ({@link S3Imports} skips them). Reads every such object: erasure is rare, uploads are few and large.
 */
public final class S3ImportArchive implements ImportArchive {
    /** User metadata on an upload rewritten by an erasure. */
    public static final String ERASED = "omnirec-erased";
    private static final List<String> PREFIXES = List.of(ImportKind.CUSTOMERS.prefix(),
            ImportKind.INTERACTIONS.prefix(), ImportKind.REJECTS_PREFIX + ImportKind.CUSTOMERS.prefix(),
            ImportKind.REJECTS_PREFIX + ImportKind.INTERACTIONS.prefix());

    private final S3Client s3;
    private final String bucket;

    public S3ImportArchive(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public int eraseShopper(String userId) {
        int rewritten = 0;
        for (String prefix : PREFIXES) {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                rewritten += rewriteWithout(object.key(), userId) ? 1 : 0;
            }
        }
        return rewritten;
    }

    private boolean rewriteWithout(String key, String userId) {
        Path copy = null;
        try {
            copy = Files.createTempFile("omnirec-erase", ".tmp");
            long dropped;
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
                 OutputStream out = Files.newOutputStream(copy)) {
                dropped = ShopperRowFilter.copyWithout(userId, key.endsWith(".jsonl"), in, out);
            }
            if (dropped == 0) {
                return false;
            }
            Path body = copy;
            s3.putObject(b -> b.bucket(bucket).key(key).metadata(Map.of(ERASED, "true")), RequestBody.fromFile(body));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("erasing from s3://" + bucket + "/" + key + " failed", e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }
}
