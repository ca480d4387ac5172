package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.util.Optional;

/**
 * What an uploaded object is, by its key: {@code imports/catalog/*.csv}, {@code imports/customers/*.csv},
 * {@code imports/inventory/*.csv} (see {@link InventoryCsv}), {@code imports/stores/*.csv} (see {@link StoreCsv}), or
 * history
 * as {@code imports/interactions/*.csv} or {@code imports/interactions/*.jsonl} (see {@link InteractionImport}). The
 * rejection reports this import writes go under {@code rejects/}, outside every import prefix, so that writing one
 * never triggers an import; they, and those of earlier versions beside the upload ({@code *.rejected.csv}), are not
 * imports.
 */
public enum ImportKind {
    CATALOG("imports/catalog/", ".csv"),
    CUSTOMERS("imports/customers/", ".csv"),
    INVENTORY("imports/inventory/", ".csv"),
    STORES("imports/stores/", ".csv"),
    INTERACTIONS("imports/interactions/", ".csv"),
    INTERACTION_EVENTS("imports/interactions/", ".jsonl");

    public static final String REJECTED_SUFFIX = ".rejected.csv";
    /** The key prefix of rejection reports: {@code rejects/<upload key>.rejected.csv}. */
    public static final String REJECTS_PREFIX = "rejects/";
    /** The key prefix of the summary each import run writes (see the AWS adapter's {@code UploadRecords}). */
    public static final String SUMMARIES_PREFIX = "summaries/";
    static final int MAX_KEY_LENGTH = 1024;

    private final String prefix;
    private final String suffix;

    ImportKind(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    public String prefix() {
        return prefix;
    }

    /** How the keys of this kind end, e.g. {@code .csv}. */
    public String suffix() {
        return suffix;
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
        if (key.startsWith(REJECTS_PREFIX) || key.startsWith(SUMMARIES_PREFIX) || key.endsWith(REJECTED_SUFFIX)) {
            return Optional.empty();
        }
        for (ImportKind kind : values()) {
            if (key.startsWith(kind.prefix) && key.endsWith(kind.suffix)
                    && key.length() > kind.prefix.length() + kind.suffix.length()) {
                return Optional.of(kind);
            }
        }
        throw new InvalidInputException("unknown_import", "no import is defined for key " + key
                + "; expected imports/catalog/*.csv, imports/customers/*.csv, imports/inventory/*.csv, "
                + "imports/stores/*.csv or imports/interactions/*.csv|*.jsonl");
    }

    /** Where the rejected rows of {@code key} are written: its key under {@link #REJECTS_PREFIX}. */
    public static String rejectionKey(String key) {
        return REJECTS_PREFIX + key + REJECTED_SUFFIX;
    }
}
