package io.omnirec.core.ingest;

/**
 * The fate of one event of a request.
 *
 * @param index   position in the request, from 0
 * @param eventId the event's id when it could be read, else {@code null}
 * @param code    machine-readable reason for {@code REJECTED}, {@code CONFLICT} and {@code FAILED}, else {@code null}
 */
public record EventResult(int index, String eventId, Status status, String code, String message) {

    /**
     * ACCEPTED: stored and applied. DUPLICATE: the same event seen before, not counted again. CONFLICT: the id was
     * used before by a different event; nothing changed (give the new event its own id). REJECTED: invalid, fix and
     * resend. FAILED: a storage error ({@code storage_error}) or an earlier request still applying the same event
     * ({@code in_progress}); resend it, it is applied once. A {@code DUPLICATE} with code {@code unresolved} was stored
     * but left pending too long to tell whether it was applied; it is not applied again.
     */
    public enum Status { ACCEPTED, DUPLICATE, CONFLICT, REJECTED, FAILED }
}
