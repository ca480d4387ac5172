package io.omnirec.core.store;

import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.training.ModelArtifact;

import java.util.Optional;

/**
 * Immutable model versions plus a movable champion pointer and the running experiment. Writing a version never
 * overwrites one; promotion and rollback only move the pointer.
 */
public interface ModelStore {

    /** Writes a new version; fails with {@link IllegalStateException} if that version exists. */
    void putVersion(ModelArtifact artifact);

    /**
     * Loads a version as stored, with every artifact its card lists, without verifying it (see
     * {@link ModelArtifact#verify()}).
     */
    default Optional<ModelArtifact> load(String version) {
        return load(version, null);
    }

    /**
     * Loads a version's card and only the named artifacts (every one when {@code artifacts} is {@code null}): serving
     * needs the model, not its ONNX export.
     */
    Optional<ModelArtifact> load(String version, java.util.Set<String> artifacts);

    Optional<String> champion();

    /** The versions written, newest first, at most {@code limit} of them (version names sort by training time). */
    java.util.List<String> versions(int limit);

    /**
     * Points the champion at an existing version, remembering the one it replaces for {@link #rollback()};
     * {@link IllegalArgumentException} for an unknown version.
     */
    void promote(String version);

    /**
     * Points the champion back at the version the last promotion replaced, and returns it (a second rollback undoes
     * the first); {@link IllegalStateException} when no promotion replaced a champion.
     */
    String rollback();

    /**
     * Deletes what a training run that died left of a version it never finished (artifacts written, no card): such a
     * version is never listed as loadable, promoted or served, and this only frees its space. Only versions whose
     * every object was written before {@code writtenBefore} are touched, so a run still writing is left alone.
     *
     * @return the versions removed
     */
    java.util.List<String> removeIncomplete(java.time.Instant writtenBefore);

    /** The champion/challenger experiment running, if any. */
    Optional<Experiment> experiment();

    /** Starts an experiment, replacing any running one. */
    void startExperiment(Experiment experiment);

    /** Ends the running experiment, if any: everyone gets the champion. */
    void endExperiment();

    /**
     * The record of a training run, by the id of the delivery that started it (an EventBridge event id, a token), if
     * one was kept.
     */
    Optional<byte[]> run(String runId);

    /**
     * Keeps a run's record unless one exists: false when another delivery recorded it first (a write of this very
     * record that landed before a retry counts as this one's).
     */
    boolean startRun(String runId, byte[] record);

    /** Replaces a run's record (it finished, or a stale one is taken over). */
    void recordRun(String runId, byte[] record);
}
