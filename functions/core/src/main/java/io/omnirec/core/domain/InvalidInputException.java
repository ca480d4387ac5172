package io.omnirec.core.domain;

/**
 * Input that the caller must fix: maps to a 4xx answer with a machine-readable {@link #code()}.
 */
public class InvalidInputException extends RuntimeException {
    private final String code;

    public InvalidInputException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable reason such as {@code invalid_json} or {@code batch_too_large}. */
    public String code() {
        return code;
    }
}
