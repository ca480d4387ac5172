package io.omnirec.ingest;

import io.omnirec.core.ingest.EventResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/**
 * Shapes the answer: a single event gets 202 (accepted), 200 (duplicate), 409 (conflict: the id names another
 * event), 400 (rejected) or 503 (failed, resend);
 * a batch gets 200 with each event's fate and the counts.
 */
final class IngestAnswer {

    /** One event's fate on the wire. */
    @RegisterForReflection
    record Fate(int index, String eventId, String status, String error, String message) {
        static Fate of(EventResult r) {
            return new Fate(r.index(), r.eventId(), r.status().name().toLowerCase(Locale.ROOT), r.code(), r.message());
        }
    }

    /** The answer to a batch. */
    @RegisterForReflection
    record Batch(long accepted, long duplicates, long conflicts, long rejected, long failed, List<Fate> results) {
    }

    private IngestAnswer() {
    }

    static Response of(boolean single, List<EventResult> results) {
        if (single) {
            EventResult result = results.get(0);
            int status = switch (result.status()) {
                case ACCEPTED -> 202;
                case DUPLICATE -> 200;
                case CONFLICT -> 409;
                case REJECTED -> 400;
                case FAILED -> 503;
            };
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Fate.of(result)).build();
        }
        return Response.ok(new Batch(count(results, EventResult.Status.ACCEPTED),
                count(results, EventResult.Status.DUPLICATE), count(results, EventResult.Status.CONFLICT),
                count(results, EventResult.Status.REJECTED),
                count(results, EventResult.Status.FAILED), results.stream().map(Fate::of).toList()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static long count(List<EventResult> results, EventResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
