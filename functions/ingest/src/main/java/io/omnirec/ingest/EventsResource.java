package io.omnirec.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.runtime.Telemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;

/** {@code POST /v1/events}: one event, or {@code {"events": [...]}} with up to 100. */
@Path("/v1/events")
public class EventsResource {
    private final EventBatchParser parser = new EventBatchParser();

    @Inject
    IngestService ingest;

    @Inject
    Instance<Context> lambda;

    @Inject
    Telemetry telemetry;

    @Inject
    LiveActivity activity;

    @Operation(summary = "Send one event or a batch of up to 100", description = "Each event is stored once by eventId and applied exactly once to the shopper's real-time state before the answer; the answer gives each event's fate (accepted, duplicate, conflict, rejected, failed).")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] body) {
        EventBatchParser.EventBatch batch = parser.parse(body);
        return IngestAnswer.of(batch.single(), activity.record(batch.events(),
                telemetry.ingested(ingest.ingest(batch.events(), remainingTime()))));
    }

    /**
     * How long this invocation may still run: an event it stores stays leased to it that long. The function's timeout
     * when the runtime cannot say.
     */
    private Duration remainingTime() {
        try {
            long millis = lambda.get().getRemainingTimeInMillis();
            return millis > 0 && millis <= Duration.ofMinutes(15).toMillis() ? Duration.ofMillis(millis)
                    : IngestService.DEFAULT_LEASE;
        } catch (RuntimeException e) {
            return IngestService.DEFAULT_LEASE;
        }
    }
}
