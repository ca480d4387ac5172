package io.omnirec.core.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (or JSON Lines) one physical line at a time without ever holding more than {@link #MAX_LINE_CHARS}
 * characters of a line. Fields may be quoted with {@code "} and quotes doubled inside; a field may not span lines.
 */
final class CsvLineReader {
    static final int MAX_LINE_CHARS = 8192;

    /** One physical line: its 1-based number and either its fields or why they could not be read. */
    record Line(long number, List<String> fields, String error, String raw) {
    }

    private final Reader reader;
    private long lineNumber;
    private boolean eof;

    CsvLineReader(Reader reader) {
        this.reader = reader;
    }

    /** The next line split into fields, or {@code null} at the end of the input. */
    Line next() throws IOException {
        Line raw = nextRaw();
        if (raw == null || raw.error() != null) {
            return raw;
        }
        return split(raw.number(), raw.raw());
    }

    /**
     * The next line unsplit (its fields empty), or {@code null} at the end of the input: what JSON Lines reads, with
     * the same bound on what is held.
     */
    Line nextRaw() throws IOException {
        if (eof) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (line.length() < MAX_LINE_CHARS) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1) {
            eof = true;
            if (line.length() == 0) {
                return null;
            }
        }
        lineNumber++;
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        String raw = line.toString();
        if (lineNumber == 1 && raw.startsWith("\uFEFF")) {
            raw = raw.substring(1);
        }
        if (tooLong) {
            return new Line(lineNumber, List.of(), "line_too_long", raw.substring(0, 200));
        }
        return new Line(lineNumber, List.of(), null, raw);
    }

    static Line split(long number, String raw) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '"' && field.length() == 0 && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == '"' || fieldWasQuoted) {
                return new Line(number, List.of(), "stray_quote", raw);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            return new Line(number, List.of(), "unterminated_quote", raw);
        }
        fields.add(field.toString());
        return new Line(number, fields, null, raw);
    }
}
