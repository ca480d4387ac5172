package io.omnirec.ingest;

import io.omnirec.core.ingest.Activity;
import io.omnirec.http.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /v1/activity}: events accepted per minute and channel, for operators. */
@Path("/v1/activity")
public class ActivityResource {
    static final int MAX_MINUTES = 60;

    @Inject
    LiveActivity activity;

    @Operation(summary = "Live events per minute by channel", description = "The last minutes (1-60, default 15), oldest first, each with the events the API accepted per channel; one Query per counter shard.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Activity.Minute> recent(@QueryParam("minutes") List<String> values) {
        return activity.recent(QueryParameters.wholeNumber("minutes", values, 15, 1, MAX_MINUTES));
    }
}
