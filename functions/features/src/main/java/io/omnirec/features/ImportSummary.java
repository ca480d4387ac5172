package io.omnirec.features;

import io.omnirec.aws.S3Imports;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.imports.ImportReport;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What the import function did with each object of a notification.
 *
 * @param aggregatesVersion the aggregates build made after the imports, {@code null} when nothing was imported
 */
@RegisterForReflection
public record ImportSummary(List<File> files, String aggregatesVersion) {

    /**
     * One object's outcome.
     *
     * @param status {@code imported}, {@code rejected} (whole file, see {@code error}), {@code skipped} (a rejection
     *               report) or {@code ignored} (not an ObjectCreated event)
     */
    @RegisterForReflection
    public record File(String bucket, String key, String status, long rows, long imported, long rejected,
                       String rejectionsKey, String error) {

        static File of(S3Imports.Result result) {
            ImportReport report = result.report().orElse(null);
            return new File(result.bucket(), result.key(), result.status(), report == null ? 0 : report.rows(),
                    report == null ? 0 : report.imported(), report == null ? 0 : report.rejected(),
                    result.rejectionsKey(), result.error());
        }

        /** What the file was, by its key ({@code catalog}, {@code interactions}...), for metrics. */
        String kind() {
            try {
                return ImportKind.ofKey(key).map(kind -> kind.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse("rejection_report");
            } catch (RuntimeException e) {
                return "unknown";
            }
        }

        static File ignored(String bucket, String key) {
            return new File(bucket, key, "ignored", 0, 0, 0, null, null);
        }
    }
}
