package io.omnirec.core.training;

/** A stored model or card that cannot be used: unreadable, or its checksum does not match its card. */
public class CorruptModelException extends RuntimeException {
    public CorruptModelException(String message) {
        super(message);
    }

    public CorruptModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
