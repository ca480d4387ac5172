package io.omnirec.core.training;

/**
 * What a training run did.
 *
 * @param status  {@code promoted}, {@code not_promoted} (version written, champion kept) or {@code skipped}
 * @param card    the new version's card, {@code null} when skipped
 * @param reason  a sentence explaining the status
 */
public record TrainingOutcome(String status, ModelCard card, String reason) {
}
