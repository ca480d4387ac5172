package io.omnirec.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.training.ScheduleEvents;
import io.omnirec.runtime.Telemetry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The train function's code as a one-off task ({@code java -jar target/omnirec-train-*-runner.jar}, its
 * {@code lib/} beside it): what the Fargate task
 * runs when a schedule's job outgrows one Lambda run, and what runs locally on the emulators. It reads the delivery
 * from the environment ({@code OMNIREC_TASK_RUN_ID}, {@code OMNIREC_TASK_JOB} = {@code train} or
 * {@code aggregates}, {@code OMNIREC_TASK_RUNNER}: the Lambda request that handed it over), runs the same
 * {@link ScheduledJob}, prints the summary as JSON and exits 0, or 1 when it failed. Started by Lambda's own runtime
 * (a native build, where this main also starts), it only waits while Quarkus serves invocations.
 */
@QuarkusMain
public class TrainTask implements QuarkusApplication {
    /** How long a task may run; the events it repairs are leased that long. */
    static final Duration BUDGET = Duration.ofHours(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScheduledJob job;

    @Inject
    Telemetry telemetry;

    @Override
    public int run(String... args) throws Exception {
        Map<String, String> env = System.getenv();
        if (env.containsKey("AWS_LAMBDA_RUNTIME_API")) {
            Quarkus.waitForExit();
            return 0;
        }
        String runId = env.get("OMNIREC_TASK_RUN_ID");
        String kind = env.getOrDefault("OMNIREC_TASK_JOB", ScheduleEvents.JOB_TRAIN);
        if (runId == null || runId.isBlank() || !(kind.equals(ScheduleEvents.JOB_TRAIN) || kind.equals(ScheduleEvents.JOB_AGGREGATES))) {
            System.err.println("set OMNIREC_TASK_RUN_ID (the delivery's id) and OMNIREC_TASK_JOB (train or aggregates)");
            return 2;
        }
        ScheduledEvent event = kind.equals(ScheduleEvents.JOB_AGGREGATES)
                ? new ScheduledEvent(runId, ScheduleEvents.AGGREGATES_DETAIL_TYPE, ScheduleEvents.AGGREGATES_SOURCE,
                Instant.now().toString())
                : new ScheduledEvent(runId, "Omnirec Task", ScheduleEvents.MANUAL_SOURCE, Instant.now().toString());
        long started = System.nanoTime();
        TrainingSummary summary = job.run(event, env.getOrDefault("OMNIREC_TASK_RUNNER", "task-" + runId), BUDGET);
        telemetry.trained(summary.status(), summary.metrics(), summary.counts(), started);
        System.out.println(JSON.writeValueAsString(summary));
        return 0;
    }
}
