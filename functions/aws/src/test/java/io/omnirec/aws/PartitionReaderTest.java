package io.omnirec.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partitions read at once, visited as a sequential read would visit them, in bounded memory, failing whole. */
@Timeout(30)
class PartitionReaderTest {
    static final List<String> PARTITIONS = IntStream.range(0, 12).mapToObj(p -> "p" + p).toList();

    /** Partition {@code p} has {@code pages} pages of three items; the first partitions answer slowest. */
    static Iterable<List<String>> pages(String partition, int pages, AtomicInteger produced) {
        int p = Integer.parseInt(partition.substring(1));
        return () -> new Iterator<>() {
            int page;

            @Override
            public boolean hasNext() {
                return page < pages;
            }

            @Override
            public List<String> next() {
                sleep(p < 3 ? 5 : 0);
                produced.incrementAndGet();
                page++;
                return List.of(partition + "/" + page + "a", partition + "/" + page + "b", partition + "/" + page + "c");
            }
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void forEach_shouldVisitInTheOrderOfASequentialRead_whateverOrderThePartitionsAnswerIn() {
        List<String> sequential = new ArrayList<>();
        AtomicInteger produced = new AtomicInteger();
        PARTITIONS.forEach(p -> pages(p, 5, produced).forEach(sequential::addAll));
        List<String> visited = new ArrayList<>();

        PartitionReader.forEach(PARTITIONS, p -> pages(p, 5, produced), 4, 2, visited::add);

        assertEquals(sequential, visited);
    }

    @Test
    void forEach_shouldReadAheadAtMostItsBound_whenTheVisitorIsSlow() {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger visitedPages = new AtomicInteger();
        int[] mostAhead = {0};
        PartitionReader.forEach(PARTITIONS, p -> pages(p, 20, produced), 4, 2, item -> {
            if (item.endsWith("a")) {
                visitedPages.incrementAndGet();
                mostAhead[0] = Math.max(mostAhead[0], produced.get() - visitedPages.get());
                sleep(1);
            }
        });
        assertEquals(PARTITIONS.size() * 20, visitedPages.get());
        assertTrue(mostAhead[0] <= 4 * (2 + 1), "pages read ahead of the visitor: " + mostAhead[0]);
    }

    @Test
    void forEach_shouldFailWhole_whenOnePartitionCannotBeRead_orTheVisitorFails() {
        IllegalStateException down = new IllegalStateException("partition p7 is unavailable");
        AtomicInteger produced = new AtomicInteger();
        assertSame(down, assertThrows(IllegalStateException.class, () -> PartitionReader.forEach(PARTITIONS,
                p -> {
                    if (p.equals("p7")) {
                        throw down;
                    }
                    return pages(p, 50, produced);
                }, 4, 2, item -> { })));
        RuntimeException visitorFailure = new RuntimeException("the visitor failed");
        assertSame(visitorFailure, assertThrows(RuntimeException.class, () -> PartitionReader.forEach(PARTITIONS,
                p -> pages(p, 50, produced), 4, 2, item -> {
                    throw visitorFailure;
                })));
    }
}
