package io.omnirec.ingest;

import io.omnirec.aws.UploadRecords;
import io.omnirec.http.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /v1/imports}: the last import runs of uploaded files, for operators. */
@Path("/v1/imports")
public class ImportsResource {
    static final int MAX_LIMIT = 100;

    @Inject
    UploadRecords records;

    @Operation(summary = "The last imports", description = "Newest first (limit 1-100, default 20): each run's key, kind, status, rows imported and rejected, and where the rejected rows are.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<UploadRecords.Upload> recent(@QueryParam("limit") List<String> limits) {
        return records.recent(QueryParameters.wholeNumber("limit", limits, 20, 1, MAX_LIMIT));
    }
}
