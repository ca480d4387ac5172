package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.util.List;

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

    T map(List<String> fields);

    /** The id used to detect the same row twice in one file. */
    String idOf(T value);
}
