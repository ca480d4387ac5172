package io.omnirec.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reading every JSON Lines import shares: strict UTF-8, one JSON value per line, blank lines skipped, lines over
 * {@link CsvLineReader#MAX_LINE_CHARS} characters and lines that are no JSON rejected with their number and reason.
 * For the record imports (catalog, customers, inventory, stores) each line is an object whose keys are the CSV
 * columns, so the CSV mappers read it: a string, number or boolean value is the field's text, a missing key or
 * {@code null} an empty field, an object or array its JSON text where the mapper takes one
 * ({@link RowMapper#jsonColumns}); an unknown key or another nested value rejects the line.
 */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives each line that parsed. */
    @FunctionalInterface
    interface LineConsumer {
        void accept(long number, String line, JsonNode value);
    }

    private JsonLines() {
    }

    /** Reads the file and returns the number of non-blank lines. */
    static long forEach(InputStream content, RejectionsCsv rejections, LineConsumer consumer) {
        long rows = 0;
        try (Reader reader = new BufferedReader(CsvRows.utf8(content))) {
            CsvLineReader lines = new CsvLineReader(reader);
            for (CsvLineReader.Line read = lines.nextRaw(); read != null; read = lines.nextRaw()) {
                long number = read.number();
                String line = read.raw();
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                if (read.error() != null) {
                    rejections.add(number, "line_too_long", "a line may hold at most "
                            + CsvLineReader.MAX_LINE_CHARS + " characters", line);
                    continue;
                }
                JsonNode value;
                try {
                    value = JSON.readTree(line);
                } catch (IOException e) {
                    rejections.add(number, "invalid_json", "not a JSON object", line);
                    continue;
                }
                consumer.accept(number, line, value);
            }
        } catch (CharacterCodingException e) {
            throw CsvRows.invalidEncoding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Reads a record file: each object becomes the fields of {@code columns}, in their order. */
    static long forEachRow(InputStream content, List<String> columns, Set<String> jsonColumns,
                           RejectionsCsv rejections, Consumer<CsvLineReader.Line> row) {
        Set<String> known = new HashSet<>(columns);
        return forEach(content, rejections, (number, line, value) -> {
            if (!value.isObject()) {
                rejections.add(number, "invalid_json", "not a JSON object", line);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!known.contains(field.getKey())) {
                    rejections.add(number, "unknown_field", "unknown field " + field.getKey() + "; the fields are "
                            + String.join(", ", columns), line);
                    return;
                }
                if (field.getValue().isContainerNode() && !jsonColumns.contains(field.getKey())) {
                    rejections.add(number, "invalid_field", field.getKey()
                            + " must be a string, number or boolean", line);
                    return;
                }
            }
            List<String> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                JsonNode field = value.get(column);
                values.add(field == null || field.isNull() ? "" : field.isContainerNode() ? field.toString()
                        : field.asText());
            }
            row.accept(new CsvLineReader.Line(number, values, null, line));
        });
    }
}
