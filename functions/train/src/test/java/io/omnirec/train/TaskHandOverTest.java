package io.omnirec.train;

import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a task configured, the train function hands runs over once the events table reaches the threshold. */
@QuarkusTest
@TestProfile(TaskHandOverTest.TaskConfigured.class)
@QuarkusTestResource(LocalAwsTestResource.class)
class TaskHandOverTest {

    /** A deployment with the Fargate task, and a threshold every table reaches. */
    public static class TaskConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omnirec.task.event-bus", "default", "omnirec.task.threshold-events", "0");
        }
    }

    @Inject
    TaskHandOver tasks;

    @Test
    void tooLargeForLambda_shouldReadTheEventsTablesItemCount_whenATaskIsConfigured() {
        assertTrue(tasks.tooLargeForLambda().orElseThrow() >= 0);
    }
}
