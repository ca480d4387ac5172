package io.omnirec.core.store;

import io.omnirec.core.training.ModelArtifact;

import java.util.Optional;

/**
 * Immutable model versions plus a movable champion pointer. Writing a version never overwrites one; promotion and
 * rollback only move the pointer.
 */
public interface ModelStore {

    /** Writes a new version; fails with {@link IllegalStateException} if that version exists. */
    void putVersion(ModelArtifact artifact);

    /** Loads a version as stored, without verifying it (see {@link ModelArtifact#verify()}). */
    Optional<ModelArtifact> load(String version);

    Optional<String> champion();

    /** Points the champion at an existing version; {@link IllegalArgumentException} for an unknown one. */
    void promote(String version);
}
