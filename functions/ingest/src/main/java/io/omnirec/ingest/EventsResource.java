package io.omnirec.ingest;

import io.omnirec.core.ingest.EventBatchParser;
import io.omnirec.core.ingest.IngestService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /v1/events}: one event, or {@code {"events": [...]}} with up to 100. */
@Path("/v1/events")
public class EventsResource {
    private final EventBatchParser parser = new EventBatchParser();

    @Inject
    IngestService ingest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] body) {
        EventBatchParser.EventBatch batch = parser.parse(body);
        return IngestAnswer.of(batch.single(), ingest.ingest(batch.events()));
    }
}
