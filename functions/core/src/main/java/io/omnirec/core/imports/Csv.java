package io.omnirec.core.imports;

/** Writing CSV fields. */
public final class Csv {
    private Csv() {
    }

    /** The field as written to CSV: quoted when it holds a comma, quote or line break. */
    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + '"';
    }
}
