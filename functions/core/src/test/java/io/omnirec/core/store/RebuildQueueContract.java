package io.omnirec.core.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link RebuildQueue} must do; run against each implementation. Each test gets an empty queue. */
public abstract class RebuildQueueContract {

    protected abstract RebuildQueue newQueue();

    @Test
    void forEachExpired_shouldVisitOnlyEntriesWhoseLeaseEnded_untilTheyAreRemoved() {
        RebuildQueue queue = newQueue();
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        RebuildQueue.Entry done = new RebuildQueue.Entry("a", Set.of("u1", "jürgen.müller+vip@example.com"),
                now.minusSeconds(1));
        RebuildQueue.Entry running = new RebuildQueue.Entry("b", Set.of("u2"), now.plusSeconds(60));
        queue.add(done);
        queue.add(running);
        queue.add(done);

        List<RebuildQueue.Entry> expired = new ArrayList<>();
        queue.forEachExpired(now, expired::add);
        assertEquals(List.of(done), expired, "the same entry added twice is one entry");

        queue.remove(done);
        queue.remove(done);
        List<RebuildQueue.Entry> later = new ArrayList<>();
        queue.forEachExpired(now.plusSeconds(120), later::add);
        assertEquals(List.of(running), later);
    }
}
