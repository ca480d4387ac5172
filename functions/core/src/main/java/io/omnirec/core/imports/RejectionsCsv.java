package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The rejection report written next to an import: {@code line,code,reason,row}, one line per rejected row. A file
 * rejected as a whole is reported on line 0.
 */
public final class RejectionsCsv {
    static final String HEADER = "line,code,reason,row\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long count;

    /** The report of a file rejected as a whole. */
    public static byte[] wholeFile(InvalidInputException reason) {
        RejectionsCsv report = new RejectionsCsv();
        report.add(0, reason.code(), reason.getMessage(), "");
        return report.bytes();
    }

    void add(long line, String code, String reason, String row) {
        if (count == 0) {
            write(HEADER);
        }
        count++;
        write(line + "," + code + "," + Csv.quote(reason) + "," + Csv.quote(row) + "\n");
    }

    long count() {
        return count;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
