package io.omnirec.core.imports;

/**
 * The outcome of one import file.
 *
 * @param rows           data rows read (header excluded)
 * @param imported       rows stored; for interactions, rows already stored by an earlier import (duplicates) are
 *                       {@code rows - imported - rejected}
 * @param rejectionsCsv  {@code line,code,reason,row} for every rejected row; empty when none was rejected
 */
public record ImportReport(ImportKind kind, long rows, long imported, long rejected, byte[] rejectionsCsv) {
}
