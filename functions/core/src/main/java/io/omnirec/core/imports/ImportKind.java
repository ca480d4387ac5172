package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.util.List;
import java.util.Optional;

/**
 * What an uploaded object is, by its key: {@code imports/catalog/}, {@code imports/customers/},
 * {@code imports/inventory/} (see {@link InventoryCsv}) or {@code imports/stores/} (see {@link StoreCsv}), each as CSV
 * ({@code *.csv}) or JSON Lines with the CSV's columns as keys ({@code *.jsonl}), or history as
 * {@code imports/interactions/*.csv} or {@code imports/interactions/*.jsonl} (see {@link InteractionImport}). The
 * rejection reports this import writes go under {@code rejects/}, outside every import prefix, so that writing one
 * never triggers an import; they, and those of earlier versions beside the upload ({@code *.rejected.csv}), are not
 * imports.
 */
public enum ImportKind {
    CATALOG("imports/catalog/", Suffix.CSV, Suffix.JSON_LINES),
    CUSTOMERS("imports/customers/", Suffix.CSV, Suffix.JSON_LINES),
    INVENTORY("imports/inventory/", Suffix.CSV, Suffix.JSON_LINES),
    STORES("imports/stores/", Suffix.CSV, Suffix.JSON_LINES),
    INTERACTIONS("imports/interactions/", Suffix.CSV),
    INTERACTION_EVENTS("imports/interactions/", Suffix.JSON_LINES);

    /** The file name endings of the two formats. */
    static final class Suffix {
        static final String CSV = ".csv";
        static final String JSON_LINES = ".jsonl";

        private Suffix() {
        }
    }

    public static final String REJECTED_SUFFIX = ".rejected.csv";
    /** The key prefix of rejection reports: {@code rejects/<upload key>.rejected.csv}. */
    public static final String REJECTS_PREFIX = "rejects/";
    /** The key prefix of the summary each import run writes (see the AWS adapter's {@code UploadRecords}). */
    public static final String SUMMARIES_PREFIX = "summaries/";
    static final int MAX_KEY_LENGTH = 1024;

    private final String prefix;
    private final List<String> suffixes;

    ImportKind(String prefix, String... suffixes) {
        this.prefix = prefix;
        this.suffixes = List.of(suffixes);
    }

    public String prefix() {
        return prefix;
    }

    /** How the keys of this kind may end, e.g. {@code .csv}. */
    public List<String> suffixes() {
        return suffixes;
    }

    /** Whether an upload of this kind at {@code key} is JSON Lines rather than CSV. */
    public static boolean isJsonLines(String key) {
        return key.endsWith(Suffix.JSON_LINES);
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
            for (String suffix : kind.suffixes) {
                if (key.startsWith(kind.prefix) && key.endsWith(suffix)
                        && key.length() > kind.prefix.length() + suffix.length()) {
                    return Optional.of(kind);
                }
            }
        }
        throw new InvalidInputException("unknown_import", "no import is defined for key " + key
                + "; expected imports/catalog/, imports/customers/, imports/inventory/, imports/stores/ or "
                + "imports/interactions/ followed by a name ending in .csv or .jsonl");
    }

    /** Where the rejected rows of {@code key} are written: its key under {@link #REJECTS_PREFIX}. */
    public static String rejectionKey(String key) {
        return REJECTS_PREFIX + key + REJECTED_SUFFIX;
    }
}
