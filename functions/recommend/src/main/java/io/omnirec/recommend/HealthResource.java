package io.omnirec.recommend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/** {@code GET /v1/health}: the API's one open route, for load balancers and uptime checks; it reads no data. */
@Path("/v1/health")
public class HealthResource {

    @Operation(summary = "Health check", description = "Answers {\"status\":\"ok\"} without reading any table or bucket; the only route that needs no authorization.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> get() {
        return Map.of("status", "ok");
    }
}
