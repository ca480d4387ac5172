package io.omnirec.core.imports;

import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;

/** Checks for single CSV fields; each failure names the column. */
final class Fields {
    private Fields() {
    }

    static String id(String column, String value) {
        if (!Identifiers.isValid(value)) {
            throw new InvalidInputException("invalid_" + column, column + " must be 1-" + Identifiers.MAX_BYTES + " UTF-8 bytes of printable text, not starting with ~");
        }
        return value;
    }

    static String text(String column, String value, int maxLength) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > maxLength) {
            throw new InvalidInputException("invalid_" + column, column + " must be 1-" + maxLength + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new InvalidInputException("invalid_" + column, column + " contains control characters");
            }
        }
        return trimmed;
    }

    static double number(String column, String value, double min, double max) {
        double parsed;
        try {
            parsed = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_" + column, column + " is not a number");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new InvalidInputException("invalid_" + column, column + " must be between " + min + " and " + max);
        }
        return parsed;
    }

    static int integer(String column, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_" + column, column + " is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidInputException("invalid_" + column, column + " must be between " + min + " and " + max);
        }
        return parsed;
    }

    static boolean bool(String column, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("invalid_" + column, column + " must be true or false");
        };
    }

    /** An ISO date ({@code 2026-12-01}). */
    static java.time.LocalDate date(String column, String value) {
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("invalid_" + column, column + " must be a date such as 2026-12-01");
        }
    }
}
