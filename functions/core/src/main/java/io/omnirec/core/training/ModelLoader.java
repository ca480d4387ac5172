package io.omnirec.core.training;

import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.CascadeScorer;
import io.omnirec.core.ranking.FallbackScorer;
import io.omnirec.core.ranking.FeatureRegistry;

import java.util.Set;

/** Turns a stored model version into something recommend can serve, after checking it may. */
public final class ModelLoader {
    /** The artifacts serving reads and verifies: the model itself, not its ONNX export. */
    public static final Set<String> SERVED = Set.of(ModelCard.MODEL);
    /** The card's hyperparameter naming how much of the fallback chain's head the model orders. */
    public static final String HEAD_DEPTH = "head_depth";

    private ModelLoader() {
    }

    /**
     * Verifies the checksums of the {@link #SERVED} artifacts and that the model's feature set is the one {@code registry} computes; throws
     * {@link CorruptModelException} otherwise.
     */
    public static ActiveModel serve(ModelArtifact artifact, FeatureRegistry registry) {
        artifact.verify(SERVED);
        ModelCard.FeatureSet features = artifact.card().featureSet();
        if (!features.names().equals(registry.names()) || !features.version().equals(registry.version())) {
            throw new CorruptModelException("model " + artifact.version() + " needs feature set "
                    + features.version() + ", this code serves " + registry.version());
        }
        RankingModel model = RankingModel.fromBytes(artifact.modelBytes(), registry.names());
        return ActiveModel.champion(new CascadeScorer(new ModelScorer(model, registry),
                new FallbackScorer(FallbackScorer.DEFAULT_CHAIN), headDepth(artifact.card())), artifact.version());
    }

    /** The head depth the model was trained and judged with; 0 (the whole pool) for cards from before it existed. */
    static int headDepth(ModelCard card) {
        return Integer.parseInt(card.hyperparameters().getOrDefault(HEAD_DEPTH, "0"));
    }
}
