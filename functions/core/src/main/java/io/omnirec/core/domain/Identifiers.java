package io.omnirec.core.domain;


import java.util.regex.Pattern;

/** The shape every id (shopper, item, store, event) must have: 1 to 128 of {@code A-Z a-z 0-9 . _ : -}. */
public final class Identifiers {
    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Identifiers() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** Throws {@link InvalidInputException} with code {@code invalid_<field>} unless the id is valid. */
    public static String requireValid(String field, String value) {
        if (!isValid(value)) {
            throw new InvalidInputException("invalid_" + field,
                    field + " must be 1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }
}
