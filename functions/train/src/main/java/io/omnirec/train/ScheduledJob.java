package io.omnirec.train;

import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.ingest.EventRepair;
import io.omnirec.core.store.ModelStore;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingService;
import io.omnirec.runtime.OmnirecConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a schedule asks for, wherever it runs (the train function, or the Fargate task when the data outgrows a
 * Lambda run): apply the events ingest left pending, rebuild the aggregates recommend serves from, then, unless it is
 * the aggregates schedule, train, evaluate, write a model version and promote it if it beats the
 * best single source beyond the noise and is not below the champion. A second
 * delivery of the same event does nothing ({@link Deliveries}).
 */
@Singleton
public class ScheduledJob {

    @Inject
    TrainingService training;

    @Inject
    OmnirecConfig config;

    @Inject
    AggregatesJob aggregates;

    @Inject
    EventRepair repair;

    @Inject
    Deliveries deliveries;

    @Inject
    ModelStore models;

    @Inject
    Clock clock;

    /** How long after its last write an unfinished model version is taken for abandoned. */
    static final Duration INCOMPLETE_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ScheduledJob.class.getName());

    /** Refuses what no schedule sends. */
    static void check(ScheduledEvent event) {
        if (event == null || !(event.startsTraining() || event.refreshesAggregates())) {
            throw new InvalidInputException("invalid_event", "expected an EventBridge 'Scheduled Event' from "
                    + "aws.events, a manual omnirec.manual event or the aggregates schedule's event");
        }
    }

    /**
     * Runs the job of {@code event} once.
     *
     * @param runner who runs it (a Lambda request id, or the one that handed it to a task): a delivery already being
     *               run by another runner is refused
     * @param budget how long it may take; events it repairs are leased that long
     */
    public TrainingSummary run(ScheduledEvent event, String runner, Duration budget) {
        check(event);
        Optional<String> refused = deliveries.admit(event.id(), runner);
        if (refused.isPresent()) {
            return TrainingSummary.duplicate(refused.get());
        }
        EventRepair.Report repaired = repair.run(budget);
        removeIncompleteVersions();
        String aggregatesVersion = aggregates.run().version();
        if (event.refreshesAggregates()) {
            deliveries.finished(event.id(), runner, null);
            return TrainingSummary.aggregatesOnly(aggregatesVersion, repaired);
        }
        TrainingSummary summary = TrainingSummary.of(training.trainAndPromote(
                TrainingConfig.defaults(config.trainingSeed())), aggregatesVersion, repaired);
        deliveries.finished(event.id(), runner, summary.version());
        return summary;
    }

    /**
     * Frees what runs that died left of unfinished model versions (never served: they have no card), an hour after
     * their last write; a failure here is logged and never stops the job.
     */
    private void removeIncompleteVersions() {
        try {
            java.util.List<String> removed = models.removeIncomplete(clock.instant().minus(INCOMPLETE_AFTER));
            if (!removed.isEmpty()) {
                LOG.info("removed incomplete model versions " + removed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "removing incomplete model versions failed", e);
        }
    }

    /** Records that {@code runner} handed the delivery on (to a task that will run it as {@code runner}). */
    Optional<String> admit(ScheduledEvent event, String runner) {
        check(event);
        return deliveries.admit(event.id(), runner);
    }
}
