package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.util.Optional;

/**
 * What an uploaded object is, by its key: {@code imports/catalog/*.csv} or {@code imports/customers/*.csv}. The
 * rejection reports this import writes ({@code *.rejected.csv}) are not imports.
 */
public enum ImportKind {
    CATALOG("imports/catalog/"),
    CUSTOMERS("imports/customers/");

    public static final String REJECTED_SUFFIX = ".rejected.csv";
    static final int MAX_KEY_LENGTH = 1024;

    private final String prefix;

    ImportKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * The kind of an already URL-decoded key; empty for our own rejection reports. Throws
     * {@link InvalidInputException} for keys that are no import.
     */
    public static Optional<ImportKind> ofKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.contains("..")
                || key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("invalid_key", "not a valid import key");
        }
        if (key.endsWith(REJECTED_SUFFIX)) {
            return Optional.empty();
        }
        for (ImportKind kind : values()) {
            if (key.startsWith(kind.prefix) && key.endsWith(".csv") && key.length() > kind.prefix.length() + 4) {
                return Optional.of(kind);
            }
        }
        throw new InvalidInputException("unknown_import", "no import is defined for key " + key
                + "; expected imports/catalog/*.csv or imports/customers/*.csv");
    }

    /** Where the rejected rows of {@code key} are written: next to it. */
    public static String rejectionKey(String key) {
        return key + REJECTED_SUFFIX;
    }
}
