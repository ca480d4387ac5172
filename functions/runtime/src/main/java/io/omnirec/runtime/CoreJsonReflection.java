package io.omnirec.runtime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The core's records that its own Jackson mappers read and write from S3 objects (the model card, the served scorer,
 * the aggregates bundle), which Quarkus' build cannot see through a REST signature: a native build must keep their
 * constructors, accessors and fields. Untested until a host that can build native images builds it (see
 * {@link NativeReflection}).
 */
@RegisterForReflection(methods = true, fields = true, classNames = {
        "io.omnirec.core.training.ModelCard",
        "io.omnirec.core.training.ModelCard$Artifact",
        "io.omnirec.core.training.ModelCard$DataWindow",
        "io.omnirec.core.training.ModelCard$FeatureSet",
        "io.omnirec.core.training.ModelCard$Tribuo",
        "io.omnirec.core.training.CompiledScorer$Stored",
        "io.omnirec.core.aggregates.AggregatesCodec$Stored",
        "io.omnirec.core.aggregates.ItemFacts",
        "io.omnirec.core.aggregates.RankedList",
        "io.omnirec.core.domain.CatalogItem"})
final class CoreJsonReflection {
    private CoreJsonReflection() {
    }
}
