package io.omnirec.train;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Where training goes when the data outgrows one Lambda run ({@code omnirec.task.*}, e.g.
 * {@code OMNIREC_TASK_EVENT_BUS}): the deployed stack sets the bus; without it everything runs in the function.
 */
@ConfigMapping(prefix = "omnirec.task")
public interface TaskConfig {

    /** The EventBridge bus a hand-over is put on (the stack's rule starts the Fargate task from it). */
    Optional<String> eventBus();

    /**
     * From how many stored events (the events table's item count, which DynamoDB refreshes about every six hours)
     * a run is handed to the task; see the README for how the default was chosen.
     */
    @WithDefault("4000000")
    long thresholdEvents();
}
