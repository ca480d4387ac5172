package io.omnirec.features;

import io.omnirec.aws.S3Imports;
import io.omnirec.core.imports.ImportService;
import io.omnirec.core.store.FeatureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the core's import service to the feature store and S3. */
@ApplicationScoped
public class FeaturesBeans {

    @Produces
    @Singleton
    S3Imports imports(S3Client s3, FeatureStore features) {
        return new S3Imports(s3, new ImportService(features));
    }
}
