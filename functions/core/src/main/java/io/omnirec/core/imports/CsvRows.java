package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reading every CSV import shares: strict UTF-8, the exact header line, optionally followed by some of the
 * optional columns in order (else the whole file is rejected), blank lines skipped, unreadable lines and lines with
 * the wrong number of columns rejected with their reason; every other row goes to the caller, padded with empty
 * fields for the optional columns the file does not have.
 */
final class CsvRows {
    private CsvRows() {
    }

    /** Reads the file and returns the number of data rows read (header and blank lines excluded). */
    static long forEach(InputStream content, List<String> required, List<String> optional, RejectionsCsv rejections,
                        Consumer<CsvLineReader.Line> row) {
        CsvLineReader reader = new CsvLineReader(utf8(content));
        long rows = 0;
        try {
            CsvLineReader.Line first = reader.next();
            List<String> header = first == null || first.error() != null ? null : first.fields();
            if (header == null || !isHeader(header, required, optional)) {
                throw new InvalidInputException("invalid_header", "the first line must be exactly: "
                        + String.join(",", required) + (optional.isEmpty() ? ""
                        : " (optionally followed by, in order: " + String.join(",", optional) + ")"));
            }
            int missing = required.size() + optional.size() - header.size();
            for (CsvLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                if (line.error() == null && line.fields().size() == 1 && line.fields().get(0).isBlank()) {
                    continue;
                }
                rows++;
                if (line.error() != null) {
                    rejections.add(line.number(), line.error(), line.error().replace('_', ' '), line.raw());
                } else if (line.fields().size() != header.size()) {
                    rejections.add(line.number(), "wrong_column_count", "expected " + header.size()
                            + " columns, found " + line.fields().size(), line.raw());
                } else if (missing == 0) {
                    row.accept(line);
                } else {
                    List<String> padded = new java.util.ArrayList<>(line.fields());
                    padded.addAll(java.util.Collections.nCopies(missing, ""));
                    row.accept(new CsvLineReader.Line(line.number(), padded, null, line.raw()));
                }
            }
        } catch (CharacterCodingException e) {
            throw invalidEncoding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static boolean isHeader(List<String> header, List<String> required, List<String> optional) {
        int extra = header.size() - required.size();
        return extra >= 0 && extra <= optional.size() && header.subList(0, required.size()).equals(required)
                && header.subList(required.size(), header.size()).equals(optional.subList(0, extra));
    }

    /** A reader that fails on bytes that are not UTF-8 instead of replacing them. */
    static InputStreamReader utf8(InputStream content) {
        return new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    static InvalidInputException invalidEncoding() {
        return new InvalidInputException("invalid_encoding", "the file is not UTF-8 text");
    }
}
