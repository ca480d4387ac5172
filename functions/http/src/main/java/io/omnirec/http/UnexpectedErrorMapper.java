package io.omnirec.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen becomes a logged 500 with an {@link ErrorBody}; the stack trace stays in the log. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        LOG.log(Level.SEVERE, "unexpected error", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("internal_error", "an unexpected error; it is logged")).build();
    }
}
