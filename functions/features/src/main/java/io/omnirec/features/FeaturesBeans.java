package io.omnirec.features;

import io.omnirec.aws.S3Imports;
import io.omnirec.aws.UploadRecords;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.imports.InteractionImport;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.EventStore;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.ImpressionStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the core's import service to the stores and S3. Interaction history goes through the ingest service with
 * the historical validator, so every row is validated, stored once and applied like a live event, each batch of rows
 * on {@value #WRITE_THREADS} writer threads as the ingest function stores a request's events.
 */
@ApplicationScoped
public class FeaturesBeans {
    /** Concurrent store writes per batch of history rows; DynamoDB round trips dominate import time. */
    static final int WRITE_THREADS = 8;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITE_THREADS);

    @Produces
    @Singleton
    S3Imports imports(S3Client s3, FeatureStore features, EventStore events, ImpressionStore impressions,
                      UploadRecords records, Clock clock) {
        InteractionImport history = new InteractionImport(new IngestService(events, features, impressions,
                EventValidator.historical(clock), writers, clock));
        return new S3Imports(s3, new ImportService(features, history), records);
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }
}
