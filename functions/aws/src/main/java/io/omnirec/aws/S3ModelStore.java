package io.omnirec.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.ModelArtifact;
import io.omnirec.core.training.ModelCard;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Model versions in S3: each artifact the card lists under {@code <prefix><version>/} (e.g. {@code model.tribuo},
 * {@code model.onnx}), then {@code <prefix><version>/card.json} last, so a version with a card is complete; and the
 * pointer {@code <prefix>champion.json} ({@code {"version", "previous"}}: the champion and the one it replaced, for
 * rollback), and the running experiment {@code <prefix>experiment.json}. Version objects are written with {@code If-None-Match: *}, so a version is
 * never overwritten.
 */
public final class S3ModelStore implements ModelStore {
    static final String CARD_FILE = "card.json";
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("[a-z0-9_]+\\.[a-z0-9]+");
    static final String CHAMPION_FILE = "champion.json";
    /** Where training-run records live, beside the versions. */
    static final String RUNS_FOLDER = "runs";
    static final String EXPERIMENT_FILE = "experiment.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final S3Objects objects;

    public S3ModelStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.objects = new S3Objects(s3, bucket);
    }

    @Override
    public void putVersion(ModelArtifact artifact) {
        String version = Identifiers.requireToken("version", artifact.version());
        for (var entry : artifact.card().artifacts().entrySet()) {
            byte[] bytes = artifact.files().get(entry.getKey());
            if (bytes == null) {
                throw new IllegalArgumentException("artifact " + entry.getKey() + " has no bytes");
            }
            putNew(key(version, fileName(entry.getValue())), bytes, "application/octet-stream");
        }
        putNew(key(version, CARD_FILE), artifact.card().toJson(), "application/json");
    }

    @Override
    public Optional<byte[]> run(String runId) {
        return get(runKey(runId));
    }

    @Override
    public boolean startRun(String runId, byte[] record) {
        try {
            putNew(runKey(runId), record, "application/json");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void recordRun(String runId, byte[] record) {
        objects.putJson(runKey(runId), record);
    }

    /** {@code <prefix>runs/<runId>.json}, beside the versions. */
    private String runKey(String runId) {
        return prefix + RUNS_FOLDER + "/" + Identifiers.requireToken("runId", runId) + ".json";
    }

    private void putNew(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType(contentType),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                if (get(key).filter(existing -> java.util.Arrays.equals(existing, bytes)).isPresent()) {
                    return; // our own write, retried by the SDK after the first attempt had landed
                }
                throw new IllegalStateException("object " + key + " exists; it is written once", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<ModelArtifact> load(String version, java.util.Set<String> artifacts) {
        if (!Identifiers.isToken(version)) {
            return Optional.empty();
        }
        Optional<byte[]> cardBytes = get(key(version, CARD_FILE));
        if (cardBytes.isEmpty()) {
            return Optional.empty();
        }
        ModelCard card = ModelCard.fromJson(cardBytes.get());
        java.util.Map<String, byte[]> files = new java.util.HashMap<>();
        for (var entry : card.artifacts().entrySet()) {
            if (artifacts == null || artifacts.contains(entry.getKey())) {
                get(key(version, fileName(entry.getValue()))).ifPresent(bytes -> files.put(entry.getKey(), bytes));
            }
        }
        return Optional.of(new ModelArtifact(card, files));
    }

    /** An artifact's file name, checked: a card is data and must not point outside its version's folder. */
    private static String fileName(ModelCard.Artifact artifact) {
        if (artifact.file() == null || !FILE_NAME.matcher(artifact.file()).matches()) {
            throw new io.omnirec.core.training.CorruptModelException("invalid artifact file name in card");
        }
        return artifact.file();
    }

    /** One {@code ListObjectsV2} page per 1,000 versions: the folders under the prefix, newest first. */
    @Override
    public java.util.List<String> versions(int limit) {
        java.util.List<String> versions = new java.util.ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))) {
            for (var folder : page.commonPrefixes()) {
                String name = folder.prefix().substring(prefix.length(), folder.prefix().length() - 1);
                if (Identifiers.isToken(name) && !name.equals(RUNS_FOLDER)) {
                    versions.add(name);
                }
            }
        }
        versions.sort(java.util.Comparator.reverseOrder());
        return versions.subList(0, Math.min(limit, versions.size()));
    }

    /**
     * One listing of every key under the prefix (a few per version), grouped by version folder; a folder without its
     * card whose newest object is older than {@code writtenBefore} is deleted.
     */
    @Override
    public java.util.List<String> removeIncomplete(java.time.Instant writtenBefore) {
        java.util.Map<String, java.util.List<String>> keys = new java.util.TreeMap<>();
        java.util.Map<String, java.time.Instant> newest = new java.util.HashMap<>();
        java.util.Set<String> complete = new java.util.HashSet<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            for (var object : page.contents()) {
                String rest = object.key().substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String version = rest.substring(0, slash);
                if (!Identifiers.isToken(version) || version.equals(RUNS_FOLDER)) {
                    continue;
                }
                keys.computeIfAbsent(version, v -> new java.util.ArrayList<>()).add(object.key());
                newest.merge(version, object.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
                if (rest.substring(slash + 1).equals(CARD_FILE)) {
                    complete.add(version);
                }
            }
        }
        java.util.List<String> removed = new java.util.ArrayList<>();
        keys.forEach((version, objectKeys) -> {
            if (!complete.contains(version) && newest.get(version).isBefore(writtenBefore)) {
                objectKeys.forEach(objects::delete);
                removed.add(version);
            }
        });
        return removed;
    }

    @Override
    public Optional<String> champion() {
        try {
            return objects.pointer(prefix + CHAMPION_FILE);
        } catch (IllegalArgumentException e) {
            throw new io.omnirec.core.training.CorruptModelException(e.getMessage(), e);
        }
    }

    @Override
    public void promote(String version) {
        if (!Identifiers.isToken(version) || get(key(version, CARD_FILE)).isEmpty()) {
            throw new IllegalArgumentException("no model version " + version);
        }
        objects.movePointer(prefix + CHAMPION_FILE, version, champion().orElse(null));
    }

    @Override
    public String rollback() {
        String current = champion().orElseThrow(() -> new IllegalStateException("there is no champion"));
        String previous = objects.previous(prefix + CHAMPION_FILE)
                .orElseThrow(() -> new IllegalStateException("no earlier champion to roll back to"));
        objects.movePointer(prefix + CHAMPION_FILE, previous, current);
        return previous;
    }

    @Override
    public Optional<Experiment> experiment() {
        return objects.get(prefix + EXPERIMENT_FILE).map(bytes -> {
            try {
                JsonNode node = JSON.readTree(bytes);
                return new Experiment(node.required("id").asText(), node.required("champion").asText(),
                        node.required("challenger").asText(), node.required("share").asDouble(),
                        Instant.parse(node.required("startedAt").asText()));
            } catch (IOException | RuntimeException e) {
                throw new io.omnirec.core.training.CorruptModelException("the experiment file is not valid: "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public void startExperiment(Experiment experiment) {
        byte[] json = JSON.createObjectNode().put("id", experiment.id()).put("champion", experiment.champion())
                .put("challenger", experiment.challenger()).put("share", experiment.share())
                .put("startedAt", experiment.startedAt().toString()).toString().getBytes(StandardCharsets.UTF_8);
        objects.putJson(prefix + EXPERIMENT_FILE, json);
    }

    @Override
    public void endExperiment() {
        objects.delete(prefix + EXPERIMENT_FILE);
    }

    private String key(String version, String file) {
        return prefix + version + "/" + file;
    }

    private Optional<byte[]> get(String key) {
        return objects.get(key);
    }
}
