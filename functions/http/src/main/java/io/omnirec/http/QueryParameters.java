package io.omnirec.http;

import io.omnirec.core.domain.InvalidInputException;

import java.util.List;

/**
 * Query parameters as the HTTP functions read them: API Gateway may deliver one given twice, which is refused naming
 * it ({@code invalid_<name>}), as is a number that is not one.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameter's one value, or {@code null} when absent. */
    public static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInputException("invalid_" + name, name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    /** The parameter as a whole number, or {@code fallback} when absent. */
    public static int wholeNumber(String name, List<String> values, int fallback) {
        String value = single(name, values);
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_" + name, name + " must be a whole number");
        }
    }

    /** The parameter as a whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public static int wholeNumber(String name, List<String> values, int fallback, int min, int max) {
        int number = wholeNumber(name, values, fallback);
        if (number < min || number > max) {
            throw new InvalidInputException("invalid_" + name, name + " must be " + min + " to " + max);
        }
        return number;
    }
}
