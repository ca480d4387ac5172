package io.omnirec.core.store.memory;

import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.ModelArtifact;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Model versions in a map; for unit tests of the core and the offline evaluation tool. */
public final class InMemoryModelStore implements ModelStore {
    private final Map<String, ModelArtifact> versions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> runs = new ConcurrentHashMap<>();
    private volatile String champion;
    private volatile String previous;
    private volatile Experiment experiment;

    @Override
    public void putVersion(ModelArtifact artifact) {
        if (versions.putIfAbsent(artifact.version(), artifact) != null) {
            throw new IllegalStateException("model version " + artifact.version() + " exists");
        }
    }

    @Override
    public Optional<ModelArtifact> load(String version, java.util.Set<String> artifacts) {
        return Optional.ofNullable(versions.get(version)).map(stored -> {
            if (artifacts == null) {
                return stored;
            }
            java.util.Map<String, byte[]> files = new java.util.HashMap<>(stored.files());
            files.keySet().retainAll(artifacts);
            return new ModelArtifact(stored.card(), files);
        });
    }

    /** Versions are written whole here: there is never an incomplete one. */
    @Override
    public java.util.List<String> removeIncomplete(java.time.Instant writtenBefore) {
        return java.util.List.of();
    }

    @Override
    public java.util.List<String> versions(int limit) {
        return versions.keySet().stream().sorted(java.util.Comparator.reverseOrder()).limit(limit).toList();
    }

    @Override
    public Optional<String> champion() {
        return Optional.ofNullable(champion);
    }

    @Override
    public synchronized void promote(String version) {
        if (!versions.containsKey(version)) {
            throw new IllegalArgumentException("no model version " + version);
        }
        previous = champion;
        champion = version;
    }

    @Override
    public synchronized String rollback() {
        if (previous == null) {
            throw new IllegalStateException("no earlier champion to roll back to");
        }
        String back = previous;
        previous = champion;
        champion = back;
        return back;
    }

    @Override
    public Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    @Override
    public void startExperiment(Experiment started) {
        experiment = started;
    }

    @Override
    public void endExperiment() {
        experiment = null;
    }

    @Override
    public Optional<byte[]> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public boolean startRun(String runId, byte[] record) {
        byte[] existing = runs.putIfAbsent(runId, record);
        return existing == null || java.util.Arrays.equals(existing, record);
    }

    @Override
    public void recordRun(String runId, byte[] record) {
        runs.put(runId, record);
    }

    /** Replaces a stored version's model bytes, to simulate corruption in storage. */
    public void corrupt(String version, byte[] bytes) {
        ModelArtifact original = versions.get(version);
        java.util.Map<String, byte[]> files = new java.util.HashMap<>(original.files());
        files.put(io.omnirec.core.training.ModelCard.MODEL, bytes);
        versions.put(version, new ModelArtifact(original.card(), files));
    }
}
