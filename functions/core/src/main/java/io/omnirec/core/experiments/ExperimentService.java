package io.omnirec.core.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.domain.JsonBodies;
import io.omnirec.core.store.ImpressionStore;
import io.omnirec.core.store.ModelStore;

import java.time.Clock;
import java.time.Instant;

/**
 * What an operator does with experiments, each in one call: start one (a challenger version for a share of
 * shoppers), read its report, promote the challenger, stop it, or roll the champion back to the version it replaced.
 * Recommend picks a change up on its next model refresh.
 */
public final class ExperimentService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelStore models;
    private final ImpressionStore impressions;
    private final Clock clock;

    public ExperimentService(ModelStore models, ImpressionStore impressions, Clock clock) {
        this.models = models;
        this.impressions = impressions;
        this.clock = clock;
    }

    /** Starts an experiment from a JSON body {@code {"challenger": "<version>", "share": 0.1}} (at most 1 KiB). */
    public Experiment start(byte[] body) {
        JsonNode root = JsonBodies.object(JSON, body, 1024, "an object with challenger and share");
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("challenger") && !name.equals("share")) {
                throw new InvalidInputException("unknown_field", "unknown field: "
                        + name.replaceAll("[^A-Za-z0-9_]", "?").substring(0, Math.min(name.length(), 40)));
            }
        }
        JsonNode challenger = root.get("challenger");
        JsonNode share = root.get("share");
        if (challenger == null || !challenger.isTextual()) {
            throw new InvalidInputException("invalid_challenger", "challenger must be a model version");
        }
        if (share == null || !share.isNumber()) {
            throw new InvalidInputException("invalid_share", "share must be a number above 0 and at most "
                    + Experiment.MAX_SHARE);
        }
        return start(challenger.asText(), share.asDouble());
    }

    /** Starts sending {@code share} of shoppers to {@code challenger}; replaces a running experiment. */
    public Experiment start(String challenger, double share) {
        Identifiers.requireToken("challenger", challenger);
        Experiment.requireShare(share);
        String champion = models.champion().orElseThrow(() -> new InvalidInputException("no_champion",
                "there is no champion to compare with; promote a version first"));
        if (champion.equals(challenger)) {
            throw new InvalidInputException("invalid_challenger", "the challenger is the champion");
        }
        if (models.load(challenger).isEmpty()) {
            throw new InvalidInputException("unknown_version", "no model version " + challenger);
        }
        Instant now = clock.instant();
        Experiment experiment = new Experiment("exp-" + now.getEpochSecond(), champion, challenger, share, now);
        models.startExperiment(experiment);
        return experiment;
    }

    /** The running experiment's report. */
    public ExperimentReport report() {
        Experiment experiment = running();
        return ExperimentReport.of(experiment, impressions.tally(experiment.id()));
    }

    /** Makes the challenger the champion and ends the experiment; returns the new champion. */
    public String promote() {
        Experiment experiment = running();
        models.promote(experiment.challenger());
        models.endExperiment();
        return experiment.challenger();
    }

    /** Ends the running experiment without promoting: everyone gets the champion again. */
    public void stop() {
        running();
        models.endExperiment();
    }

    /** Points the champion back at the version the last promotion replaced and ends any experiment; returns it. */
    public String rollback() {
        try {
            String champion = models.rollback();
            models.endExperiment();
            return champion;
        } catch (IllegalStateException e) {
            throw new InvalidInputException("no_previous_champion", e.getMessage());
        }
    }

    private Experiment running() {
        return models.experiment().orElseThrow(() -> new InvalidInputException("no_experiment",
                "no experiment is running"));
    }
}
