package io.omnirec.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.omnirec.core.aggregates.AggregatesJob;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.ingest.EventRepair;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingService;
import io.omnirec.runtime.OmnirecConfig;
import io.omnirec.runtime.Invocations;
import io.omnirec.runtime.Telemetry;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;

/**
 * EventBridge schedule (or a manual event): apply the events ingest left pending, rebuild the aggregates recommend
 * serves from, then train, evaluate, write a model version and promote it if it is not worse. The aggregates schedule
 * stops after the rebuild. A second delivery of the same event does nothing ({@link Deliveries}).
 */
@Named("train")
public class TrainHandler implements RequestHandler<ScheduledEvent, TrainingSummary> {

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
    Telemetry telemetry;

    @Override
    public TrainingSummary handleRequest(ScheduledEvent event, Context context) {
        Invocations.begin(context);
        long started = System.nanoTime();
        try {
            TrainingSummary summary = run(event, context);
            telemetry.trained(summary.status(), summary.metrics(), summary.counts(), started);
            return summary;
        } finally {
            Invocations.end();
        }
    }

    private TrainingSummary run(ScheduledEvent event, Context context) {
        if (event == null || !(event.startsTraining() || event.refreshesAggregates())) {
            throw new InvalidInputException("invalid_event", "expected an EventBridge 'Scheduled Event' from "
                    + "aws.events, a manual omnirec.manual event or the aggregates schedule's event");
        }
        String requestId = context == null || context.getAwsRequestId() == null ? "local"
                : context.getAwsRequestId();
        java.util.Optional<String> refused = deliveries.admit(event.id(), requestId);
        if (refused.isPresent()) {
            return TrainingSummary.duplicate(refused.get());
        }
        EventRepair.Report repaired = repair.run(context == null ? Duration.ofMinutes(15)
                : Duration.ofMillis(Math.max(1, context.getRemainingTimeInMillis())));
        String aggregatesVersion = aggregates.run().version();
        if (event.refreshesAggregates()) {
            TrainingSummary summary = TrainingSummary.aggregatesOnly(aggregatesVersion, repaired);
            deliveries.finished(event.id(), requestId, null);
            return summary;
        }
        TrainingSummary summary = TrainingSummary.of(training.trainAndPromote(
                TrainingConfig.defaults(config.trainingSeed())), aggregatesVersion, repaired);
        deliveries.finished(event.id(), requestId, summary.version());
        return summary;
    }
}
