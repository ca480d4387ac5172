package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;

import java.util.List;

/** Maps the fields of one CSV row to a domain value, or throws {@link InvalidInputException} with the reason. */
public interface RowMapper<T> {

    /** The exact header line the file must start with. */
    List<String> header();

    T map(List<String> fields);

    /** The id used to detect the same row twice in one file. */
    String idOf(T value);
}
