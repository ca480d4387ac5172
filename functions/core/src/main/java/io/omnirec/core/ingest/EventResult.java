package io.omnirec.core.ingest;

/**
 * The fate of one event of a request.
 *
 * @param index   position in the request, from 0
 * @param eventId the event's id when it could be read, else {@code null}
 * @param code    machine-readable reason for {@code REJECTED} and {@code FAILED}, else {@code null}
 */
public record EventResult(int index, String eventId, Status status, String code, String message) {

    /** ACCEPTED: stored and applied. DUPLICATE: seen before, not counted again. REJECTED: invalid, fix and resend.
     *  FAILED: a storage error; nothing was kept, resend. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, FAILED }
}
