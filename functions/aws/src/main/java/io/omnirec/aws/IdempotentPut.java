package io.omnirec.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Repeats a write that is safe to repeat (the same bytes to the same key) when its connection breaks before an answer:
 * the URL-connection HTTP client reports a connection the server dropped while the request was being sent (which the
 * local S3 emulator does now and then) as an {@link UncheckedIOException} that the SDK's own retries never see.
 */
final class IdempotentPut {
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(IdempotentPut.class.getName());

    private IdempotentPut() {
    }

    static void run(String what, Runnable put) {
        for (int attempt = 1; ; attempt++) {
            try {
                put.run();
                return;
            } catch (UncheckedIOException | SdkClientException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warning(String.format("writing %s failed (attempt %d of %d), writing it again: %s", what, attempt,
                        ATTEMPTS, e.getMessage()));
            }
        }
    }
}
