package io.omnirec.http;

import io.omnirec.core.domain.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bad input becomes 400 (413 for an oversized body, 404 for an unknown item, shopper, model version or experiment, 409 when the
 * models are not in a state the call needs) with an {@link ErrorBody}.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException e) {
        int status = switch (e.code()) {
            case "payload_too_large" -> 413;
            case "unknown_item", "unknown_version", "no_experiment", "unknown_shopper" -> 404;
            case "no_champion", "no_previous_champion" -> 409;
            default -> 400;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(e.code(), e.getMessage())).build();
    }
}
