package io.omnirec.aws;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;

/**
 * An S3 object's bytes that survive a broken connection: when the stream ends before the object's length or fails,
 * the rest is asked for with a ranged {@code GetObject} ({@code Range: bytes=<read so far>-}, {@code If-Match} the
 * first answer's ETag, so a changed object fails instead of mixing two versions), and reading goes on where it
 * stopped. A connection left unread for a while (an import busy writing what it read) is closed by S3 and by the local
 * emulator, and the JDK's HTTP client can report that as a normal end of stream: without this the import would
 * quietly stop at that point. Gives up after {@value #MAX_RESUMES} resumes in a row that read nothing.
 */
final class ResumingObjectStream extends InputStream {
    static final int MAX_RESUMES = 5;
    private static final Logger LOG = Logger.getLogger(ResumingObjectStream.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String etag;
    private final long length;
    private ResponseInputStream<GetObjectResponse> current;
    private long position;
    private int resumesWithoutProgress;

    ResumingObjectStream(S3Client s3, String bucket, String key, ResponseInputStream<GetObjectResponse> first) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.current = first;
        this.etag = first.response().eTag();
        this.length = first.response().contentLength() == null ? -1 : first.response().contentLength();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        while (true) {
            int n;
            IOException failure = null;
            try {
                n = current.read(buffer, offset, count);
            } catch (IOException e) {
                n = -1;
                failure = e;
            }
            if (n > 0) {
                position += n;
                resumesWithoutProgress = 0;
                return n;
            }
            if (failure == null && (length < 0 || position >= length)) {
                return -1;
            }
            resume(failure);
        }
    }

    private void resume(IOException cause) throws IOException {
        if (++resumesWithoutProgress > MAX_RESUMES) {
            throw cause != null ? cause : new IOException("s3://" + bucket + "/" + key + " ended at byte " + position
                    + " of " + length + " and could not be read further");
        }
        current.abort();
        LOG.warning(String.format("s3://%s/%s broke off at byte %d of %d (%s); reading on from there", bucket, key,
                position, length, cause == null ? "early end of stream" : cause.toString()));
        try {
            current = s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + position + "-").ifMatch(etag));
        } catch (SdkException e) {
            throw new IOException("reading s3://" + bucket + "/" + key + " on from byte " + position + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }

    /** Drops the connection without reading the rest. */
    void abort() {
        current.abort();
    }
}
