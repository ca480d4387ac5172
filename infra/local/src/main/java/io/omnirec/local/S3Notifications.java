package io.omnirec.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Uploads files to the imports bucket and builds the S3 notification the features function receives for them, from
 * the committed sample {@code events/s3-put-catalog.json} (keys URL-encoded as S3 sends them).
 */
final class S3Notifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final S3Client s3;
    private final String bucket;

    S3Notifications(Path root, S3Client s3, String bucket) {
        this.root = root;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Uploads each file (key to CSV or JSON Lines text) and returns one notification naming them all, in order. */
    String upload(Map<String, String> files) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(root.resolve("events/s3-put-catalog.json").toFile());
        ArrayNode records = JSON.createArrayNode();
        for (Map.Entry<String, String> file : files.entrySet()) {
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            s3.putObject(b -> b.bucket(bucket).key(file.getKey())
                    .contentType(file.getKey().endsWith(".csv") ? "text/csv" : "application/x-ndjson"),
                    RequestBody.fromBytes(bytes));
            ObjectNode record = template.path("Records").get(0).deepCopy();
            ((ObjectNode) record.path("s3").path("bucket")).put("name", bucket);
            ((ObjectNode) record.path("s3").path("object"))
                    .put("key", URLEncoder.encode(file.getKey(), StandardCharsets.UTF_8))
                    .put("size", bytes.length);
            records.add(record);
        }
        template.set("Records", records);
        return JSON.writeValueAsString(template);
    }
}
