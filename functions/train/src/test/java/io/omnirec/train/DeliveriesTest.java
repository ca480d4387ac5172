package io.omnirec.train;

import io.omnirec.core.store.memory.InMemoryModelStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveriesTest {
    final InMemoryModelStore models = new InMemoryModelStore();
    final Instant start = Instant.parse("2026-11-30T03:00:00Z");

    Deliveries at(Instant now) {
        return new Deliveries(models, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void admit_shouldLetOneDeliveryTrain_andTheRetryOfADeadOneTakeOver() {
        assertEquals(Optional.empty(), at(start).admit("run-1", "req-a"));
        assertEquals(Optional.empty(), at(start).admit("run-1", "req-a"), "the same invocation, retried");
        assertTrue(at(start.plusSeconds(5)).admit("run-1", "req-b").orElseThrow().contains("req-a"),
                "a second delivery while the first runs");
        assertEquals(Optional.empty(), at(start.plus(Deliveries.STALE).plusSeconds(1)).admit("run-1", "req-c"),
                "the first died: the retry takes over");
        at(start.plus(Duration.ofMinutes(20))).finished("run-1", "req-c", "v-1");
        assertTrue(at(start.plus(Duration.ofHours(2))).admit("run-1", "req-d").orElseThrow().contains("v-1"));
        assertEquals(Optional.empty(), at(start).admit("run-2", "req-e"), "another schedule trains");
        assertEquals(Optional.empty(), at(start).admit(null, "req-f"), "a manual run without an id is not guarded");
    }
}
