package io.omnirec.core.domain;

/**
 * A physical store (or {@code online}) as shoppers know it: its name appears in reasons ("Popular at your store,
 * Riverside").
 *
 * @param storeId the id events and stock use
 * @param name    printable text, 1 to {@value #MAX_NAME} characters
 */
public record Store(String storeId, String name) {
    public static final int MAX_NAME = 100;

    public Store {
        Identifiers.requireValid("storeId", storeId);
        if (name == null || name.isBlank() || name.length() > MAX_NAME || !Identifiers.isPrintable(name)) {
            throw new InvalidInputException("invalid_name", "name must be printable text of 1 to " + MAX_NAME
                    + " characters");
        }
        name = name.strip();
    }
}
