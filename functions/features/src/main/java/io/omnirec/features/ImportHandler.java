package io.omnirec.features;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.omnirec.runtime.Invocations;
import io.omnirec.runtime.Telemetry;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** S3 {@code ObjectCreated} notifications of the imports bucket: import each uploaded file. */
@Named("import")
public class ImportHandler implements RequestHandler<S3Notification, ImportSummary> {

    @Inject
    UploadImporter importer;

    @Inject
    Telemetry telemetry;

    @Override
    public ImportSummary handleRequest(S3Notification notification, Context context) {
        Invocations.begin(context);
        try {
            ImportSummary summary = importer.importAll(notification);
            summary.files().forEach(file -> telemetry.imported(file.kind(), file.status(), file.rows(),
                    file.imported(), file.rejected()));
            return summary;
        } finally {
            Invocations.end();
        }
    }
}
