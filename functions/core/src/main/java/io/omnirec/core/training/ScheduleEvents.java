package io.omnirec.core.training;

/**
 * The EventBridge events that start Omnirec's scheduled jobs, named once for the train function that reads them and
 * the deployed stack that sends them: the training schedule (EventBridge's own {@code Scheduled Event}), a manual
 * training request, the aggregates schedule, and the hand-over of a job to the Fargate task.
 */
public final class ScheduleEvents {
    /** A manual training request's source. */
    public static final String MANUAL_SOURCE = "omnirec.manual";
    /** The aggregates schedule's source (the deployed rule sets it as its target's input). */
    public static final String AGGREGATES_SOURCE = "omnirec.schedule";
    /** The aggregates schedule's detail type. */
    public static final String AGGREGATES_DETAIL_TYPE = "Aggregates Refresh";
    /** The source of the event that hands a job to the Fargate task. */
    public static final String HAND_OVER_SOURCE = "omnirec.train";
    /** Its detail type; its detail names the delivery ({@code runId}), the {@code job} and the {@code runner}. */
    public static final String HAND_OVER_DETAIL_TYPE = "Training Handed Over";
    /** The job that trains (after repair and aggregates). */
    public static final String JOB_TRAIN = "train";
    /** The job that only repairs and rebuilds the aggregates. */
    public static final String JOB_AGGREGATES = "aggregates";

    private ScheduleEvents() {
    }
}
