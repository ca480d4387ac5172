package io.omnirec.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * The only route of an otherwise empty Quarkus HTTP Lambda, built with the same extensions as recommend (Lambda HTTP,
 * REST, Jackson): the reference that recommend's cold start is measured against.
 */
@Path("/ping")
public class PingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> ping() {
        return Map.of("ok", true);
    }
}
