package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.util.List;
import java.util.Set;

/** Maps the fields of one CSV row to a domain value, or throws {@link InvalidInputException} with the reason. */
public interface RowMapper<T> {

    /** The columns every file starts with, in this order. */
    List<String> header();

    /**
     * Columns a file may add after {@link #header()}, in this order (a file may stop after any of them); rows of a
     * file without them reach {@link #map} with empty fields in their place, so files written before a column was
     * added keep importing.
     */
    default List<String> optionalColumns() {
        return List.of();
    }

    /**
     * Columns whose JSON Lines value may be an object or array (the field then holds its JSON text); every other
     * column takes a string, number or boolean.
     */
    default Set<String> jsonColumns() {
        return Set.of();
    }

    T map(List<String> fields);

    /** The id used to detect the same row twice in one file. */
    String idOf(T value);
}
