package io.omnirec.core.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a catalog item says beyond what every item has: a description, attributes (colour, size, material...) and the
 * date it goes or went on sale. Content similarity compares attributes and description words; the new-arrivals list
 * counts an item from its launch date when it has one.
 *
 * @param description free text, empty when none
 * @param attributes  attribute name to value, sorted by name
 * @param launchDate  when the item goes on sale, or {@code null} when not known
 */
public record ItemDetails(String description, Map<String, String> attributes, LocalDate launchDate) {
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_ATTRIBUTES = 30;
    public static final int MAX_ATTRIBUTE_LENGTH = 100;
    /** An item that says nothing more. */
    public static final ItemDetails NONE = new ItemDetails("", Map.of(), null);

    public ItemDetails {
        Objects.requireNonNull(description, "description");
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
