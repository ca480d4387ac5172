package io.omnirec.recommend;

import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.ExperimentReport;
import io.omnirec.core.experiments.ExperimentService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * The champion/challenger experiment, for operators: {@code GET /v1/experiments/current} (the report),
 * {@code PUT} with {@code {"challenger", "share"}} (start), {@code DELETE} (stop), and
 * {@code POST .../promote} and {@code POST .../rollback}, each one call. Recommend serves the change from its next
 * model refresh.
 */
@Path("/v1/experiments/current")
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentsResource {

    @Inject
    ExperimentService experiments;

    @Operation(summary = "Report of the running experiment", description = "Per variant: answers served, CTR, add-to-cart and conversion, with a two-proportion z-test.")
    @GET
    public ExperimentReport report() {
        return experiments.report();
    }

    @Operation(summary = "Start a champion/challenger experiment", description = "Body {\"challenger\": \"<version>\", \"share\": 0.1}.")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(byte[] body) {
        Experiment started = experiments.start(body);
        return Response.status(201).entity(started).build();
    }

    @Operation(summary = "Stop the experiment", description = "The champion serves everyone again.")
    @DELETE
    public Response stop() {
        experiments.stop();
        return Response.noContent().build();
    }

    @Operation(summary = "Promote the challenger", description = "The challenger becomes the champion and the experiment ends.")
    @POST
    @Path("/promote")
    public Map<String, String> promote() {
        return Map.of("champion", experiments.promote());
    }

    @Operation(summary = "Roll back to the previous champion", description = "409 when there is none.")
    @POST
    @Path("/rollback")
    public Map<String, String> rollback() {
        return Map.of("champion", experiments.rollback());
    }
}
