package io.omnirec.aws;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import io.omnirec.core.imports.ImportKind;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The real S3 client with faults of the kinds the local emulator shows now and then: the first object read breaks
 * after some bytes, or, read to the end, fails when closed; and the first write of an import summary loses its
 * connection before the answer, as the URL-connection client reports it. Every other call goes to the real client.
 */
final class FaultyS3 {
    private FaultyS3() {
    }

    /**
     * @param breakAfter bytes the first read delivers before its connection breaks; negative for a read that
     *                   delivers everything and then fails to close
     */
    static S3Client firstReadFails(S3Client real, int breakAfter) {
        return firstRead(real, breakAfter, false);
    }

    /**
     * The first object read ends after {@code endAfter} bytes as if the object ended there, without an error: how the
     * URL-connection client reports a connection the server closed while the reader was busy elsewhere.
     */
    static S3Client firstReadEndsEarly(S3Client real, int endAfter) {
        return firstRead(real, endAfter, true);
    }

    private static S3Client firstRead(S3Client real, int breakAfter, boolean silently) {
        AtomicBoolean failed = new AtomicBoolean();
        AtomicBoolean summaryFailed = new AtomicBoolean();
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putObject") && putKey(args[0]).startsWith(ImportKind.SUMMARIES_PREFIX)
                            && summaryFailed.compareAndSet(false, true)) {
                        throw new UncheckedIOException(new SocketException("Unexpected end of file from server"));
                    }
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("getObject") && result instanceof ResponseInputStream<?> in
                            && failed.compareAndSet(false, true)) {
                        return new ResponseInputStream<>((GetObjectResponse) in.response(),
                                AbortableInputStream.create(new Failing(in, breakAfter, silently)));
                    }
                    return result;
                });
    }

    @SuppressWarnings("unchecked")
    private static String putKey(Object request) {
        if (request instanceof PutObjectRequest put) {
            return put.key();
        }
        PutObjectRequest.Builder builder = PutObjectRequest.builder();
        ((Consumer<PutObjectRequest.Builder>) request).accept(builder);
        return builder.build().key();
    }

    private static final class Failing extends FilterInputStream {
        private final int breakAfter;
        private final boolean silently;
        private long delivered;

        Failing(InputStream in, int breakAfter, boolean silently) {
            super(in);
            this.breakAfter = breakAfter;
            this.silently = silently;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (breakAfter >= 0 && delivered >= breakAfter) {
                if (silently) {
                    return -1;
                }
                throw new IOException("Unexpected end of file from server");
            }
            int n = super.read(b, off, breakAfter < 0 ? len : (int) Math.min(len, breakAfter - delivered));
            delivered += Math.max(0, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (breakAfter < 0) {
                throw new IOException("Unexpected end of file from server");
            }
        }
    }
}
