package io.omnirec.core.domain;

/**
 * A valid request that cannot be answered now because nothing to answer from could be read (storage down at cold
 * start, before anything was cached): maps to 503 with a {@code Retry-After} of {@link #retryAfterSeconds()}.
 */
public class UnavailableException extends RuntimeException {
    private final int retryAfterSeconds;

    public UnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
