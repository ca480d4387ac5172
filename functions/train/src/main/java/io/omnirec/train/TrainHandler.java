package io.omnirec.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.omnirec.runtime.Invocations;
import io.omnirec.runtime.Telemetry;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Optional;

/**
 * EventBridge schedule (or a manual event): runs the {@link ScheduledJob} here, or, when the history has outgrown one
 * Lambda run and a task is configured, hands it to the Fargate task ({@link TaskHandOver}) and answers
 * {@code handed_over}.
 */
@Named("train")
public class TrainHandler implements RequestHandler<ScheduledEvent, TrainingSummary> {

    @Inject
    ScheduledJob job;

    @Inject
    TaskHandOver tasks;

    @Inject
    Telemetry telemetry;

    @Override
    public TrainingSummary handleRequest(ScheduledEvent event, Context context) {
        Invocations.Invocation invocation = Invocations.begin(context);
        long started = System.nanoTime();
        try {
            TrainingSummary summary = runOrHandOver(event, invocation.requestId(), context == null
                    ? Duration.ofMinutes(15) : Duration.ofMillis(Math.max(1, context.getRemainingTimeInMillis())));
            telemetry.trained(summary.status(), summary.metrics(), summary.counts(), started);
            return summary;
        } finally {
            Invocations.end();
        }
    }

    private TrainingSummary runOrHandOver(ScheduledEvent event, String runner, Duration budget) {
        ScheduledJob.check(event);
        Optional<Long> events = tasks.tooLargeForLambda();
        if (events.isEmpty()) {
            return job.run(event, runner, budget);
        }
        Optional<String> refused = job.admit(event, runner);
        if (refused.isPresent()) {
            return TrainingSummary.duplicate(refused.get());
        }
        return TrainingSummary.handedOver(tasks.handOver(event, runner), events.get());
    }
}
