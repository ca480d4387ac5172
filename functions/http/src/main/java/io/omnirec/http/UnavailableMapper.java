package io.omnirec.http;

import io.omnirec.core.domain.UnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Nothing to answer from yet becomes 503 with {@code Retry-After} and an {@link ErrorBody}. */
@Provider
public class UnavailableMapper implements ExceptionMapper<UnavailableException> {

    @Override
    public Response toResponse(UnavailableException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", Integer.toString(e.retryAfterSeconds()))
                .entity(new ErrorBody("unavailable", e.getMessage())).build();
    }
}
