package io.omnirec.core.training;

import io.omnirec.core.ranking.ActiveModel;
import io.omnirec.core.ranking.CascadeScorer;
import io.omnirec.core.ranking.FallbackScorer;
import io.omnirec.core.ranking.FeatureRegistry;
import io.omnirec.core.store.ModelStore;

import java.util.Optional;
import java.util.Set;

/** Turns a stored model version into something recommend can serve, after checking it may. */
public final class ModelLoader {
    /**
     * The artifact serving reads and verifies: the model's parameters, without Tribuo (neither the Tribuo model nor
     * its ONNX export).
     */
    public static final Set<String> SERVED = Set.of(ModelCard.SCORER);
    /** What serving reads of a version from before the {@link ModelCard#SCORER} artifact: the Tribuo model. */
    public static final Set<String> SERVED_BEFORE_SCORER = Set.of(ModelCard.MODEL);
    /** The card's hyperparameter naming how much of the fallback chain's head the model orders. */
    public static final String HEAD_DEPTH = "head_depth";

    private ModelLoader() {
    }

    /**
     * Loads a stored version with the artifacts serving reads: {@link #SERVED}, or {@link #SERVED_BEFORE_SCORER}
     * for a version whose card lists no scorer (a second read of its card, for such versions only).
     */
    public static Optional<ModelArtifact> load(ModelStore models, String version) {
        Optional<ModelArtifact> artifact = models.load(version, SERVED);
        if (artifact.isPresent() && !artifact.get().card().artifacts().containsKey(ModelCard.SCORER)) {
            return models.load(version, SERVED_BEFORE_SCORER);
        }
        return artifact;
    }

    /**
     * Verifies the checksum of the artifact served (the scorer, or the Tribuo model of a version without one) and
     * that the model's feature set is the one {@code registry} computes; throws {@link CorruptModelException}
     * otherwise.
     */
    public static ActiveModel serve(ModelArtifact artifact, FeatureRegistry registry) {
        boolean scorer = artifact.card().artifacts().containsKey(ModelCard.SCORER);
        artifact.verify(scorer ? SERVED : SERVED_BEFORE_SCORER);
        ModelCard.FeatureSet features = artifact.card().featureSet();
        if (!features.names().equals(registry.names()) || !features.version().equals(registry.version())) {
            throw new CorruptModelException("model " + artifact.version() + " needs feature set "
                    + features.version() + ", this code serves " + registry.version());
        }
        RowScorer model = scorer ? CompiledScorer.fromBytes(artifact.files().get(ModelCard.SCORER), registry.names())
                : RankingModel.fromBytes(artifact.modelBytes(), registry.names());
        return ActiveModel.champion(new CascadeScorer(new ModelScorer(model, registry),
                new FallbackScorer(FallbackScorer.DEFAULT_CHAIN), headDepth(artifact.card())), artifact.version());
    }

    /** The head depth the model was trained and judged with; 0 (the whole pool) for cards from before it existed. */
    static int headDepth(ModelCard card) {
        return Integer.parseInt(card.hyperparameters().getOrDefault(HEAD_DEPTH, "0"));
    }
}
