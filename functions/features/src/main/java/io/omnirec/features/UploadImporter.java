package io.omnirec.features;

import io.omnirec.aws.AwsResources;
import io.omnirec.aws.S3Imports;
import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.domain.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a notification and imports each created object of the imports bucket, then rebuilds the aggregates once
 * when anything was imported. A notification that is not an S3 event, or names another bucket, is refused as a whole
 * before anything is imported.
 */
@ApplicationScoped
public class UploadImporter {
    private final S3Imports imports;
    private final AwsResources resources;
    private final AggregatesJob aggregates;

    UploadImporter(S3Imports imports, AwsResources resources, AggregatesJob aggregates) {
        this.imports = imports;
        this.resources = resources;
        this.aggregates = aggregates;
    }

    public ImportSummary importAll(S3Notification notification) {
        if (notification == null || notification.records() == null || notification.records().isEmpty()) {
            throw new InvalidInputException("invalid_event", "not an S3 event notification: no Records");
        }
        for (S3Notification.Record record : notification.records()) {
            if (!"aws:s3".equals(record.eventSource()) || record.s3() == null || record.s3().bucket() == null
                    || record.s3().object() == null || record.s3().object().key() == null) {
                throw new InvalidInputException("invalid_event", "a record is not an S3 object notification");
            }
            if (!resources.importsBucket().equals(record.s3().bucket().name())) {
                throw new InvalidInputException("unexpected_bucket", "imports are read only from "
                        + resources.importsBucket());
            }
        }
        List<ImportSummary.File> files = new ArrayList<>();
        for (S3Notification.Record record : notification.records()) {
            if (record.eventName() == null || !record.eventName().startsWith("ObjectCreated:")) {
                files.add(ImportSummary.File.ignored(record.s3().bucket().name(), record.s3().object().key()));
                continue;
            }
            files.add(ImportSummary.File.of(imports.importObject(record.s3().bucket().name(), record.s3().object().key())));
        }
        boolean imported = files.stream().anyMatch(f -> f.imported() > 0);
        return new ImportSummary(files, imported ? aggregates.run().version() : null);
    }
}
