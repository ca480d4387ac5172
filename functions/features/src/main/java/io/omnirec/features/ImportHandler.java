package io.omnirec.features;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** S3 {@code ObjectCreated} notifications of the imports bucket: import each uploaded file. */
@Named("import")
public class ImportHandler implements RequestHandler<S3Notification, ImportSummary> {

    @Inject
    UploadImporter importer;

    @Override
    public ImportSummary handleRequest(S3Notification notification, Context context) {
        return importer.importAll(notification);
    }
}
