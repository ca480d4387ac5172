package io.omnirec.features;

import io.omnirec.aws.S3Imports;
import io.omnirec.aws.UploadRecords;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.imports.InteractionImport;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.HistoryWriter;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.ingest.StateRebuild;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.RebuildQueue;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the core's import service to the stores and S3. Interaction history goes through the bulk history path
 * ({@link HistoryWriter}, with the historical validator): rows are stored in batches and each shopper named is rebuilt
 * from the log, both on {@value #WRITE_THREADS} writer threads.
 */
@ApplicationScoped
public class FeaturesBeans {
    /** Concurrent store writes per batch of history rows; DynamoDB round trips dominate import time. */
    static final int WRITE_THREADS = 8;
    /** How long an import may run (the function's timeout); its rebuild entries are left to it that long. */
    static final Duration UPLOAD_LEASE = Duration.ofMinutes(15);

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITE_THREADS);

    @Produces
    @Singleton
    S3Imports imports(S3Client s3, FeatureStore features, EventStore events, ImpressionStore impressions,
                      RebuildQueue queue, UploadRecords records, Clock clock) {
        IngestService identifies = new IngestService(events, features, impressions, EventValidator.historical(clock),
                writers, clock);
        InteractionImport history = new InteractionImport(new HistoryWriter(EventValidator.historical(clock),
                identifies, events, impressions, queue, new StateRebuild(events, features), writers, clock,
                UPLOAD_LEASE));
        return new S3Imports(s3, new ImportService(features, history), records);
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }
}
