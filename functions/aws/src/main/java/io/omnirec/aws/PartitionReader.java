package io.omnirec.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads many partitions of an index at once (one {@code Query} paginator per partition, on a few threads) and hands
 * their items to one visitor on the caller's thread, so the visitor need not be thread-safe, in the order a
 * sequential read would: partition by partition in the given order, each page by page. So the same data gives the
 * same visits, and what is built from them (sums of doubles, ties) comes out the same. Each partition read ahead
 * keeps at most {@code pagesAhead} pages waiting (a DynamoDB page is at most 1 MB), so a long read stays bounded at
 * {@code threads x (pagesAhead + 1)} pages. A failed read stops the others and is rethrown to the caller; so is a
 * failure of the visitor. Reads in flight when the read stops are left to finish (never interrupted), and none
 * starts after it.
 */
final class PartitionReader {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** A page of items, the end of one partition, or the failure of its read. */
    private record Signal<T>(List<T> page, RuntimeException failure) {
    }

    private PartitionReader() {
    }

    /**
     * @param partitions the partitions to read, each once, in the order to visit them
     * @param pages      one partition's pages, in the order to visit them
     * @param threads    partitions read at once
     * @param pagesAhead pages a partition reads ahead of the visitor, at most
     */
    static <T> void forEach(List<String> partitions, Function<String, Iterable<List<T>>> pages, int threads,
                            int pagesAhead, Consumer<T> visitor) {
        if (partitions.isEmpty()) {
            return;
        }
        List<BlockingQueue<Signal<T>>> queues = new ArrayList<>(partitions.size());
        for (int p = 0; p < partitions.size(); p++) {
            queues.add(new ArrayBlockingQueue<>(pagesAhead));
        }
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "omnirec-partition-reader-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(threads, partitions.size()), daemons);
        AtomicBoolean stopped = new AtomicBoolean();
        try {
            // tasks start in submission order, so the partition the visitor waits for is always being read
            for (int p = 0; p < partitions.size(); p++) {
                String partition = partitions.get(p);
                BlockingQueue<Signal<T>> queue = queues.get(p);
                readers.execute(() -> {
                    if (stopped.get()) {
                        return;
                    }
                    try {
                        for (List<T> page : pages.apply(partition)) {
                            if (!hand(queue, new Signal<>(page, null), stopped)) {
                                return;
                            }
                        }
                        hand(queue, new Signal<>(null, null), stopped);
                    } catch (RuntimeException e) {
                        hand(queue, new Signal<>(null, e), stopped);
                    } catch (Error e) {
                        // the visitor must not wait forever for a partition whose reader died
                        hand(queue, new Signal<>(null, new IllegalStateException("reading " + partition
                                + " failed: " + e, e)), stopped);
                        throw e;
                    }
                });
            }
            for (BlockingQueue<Signal<T>> queue : queues) {
                for (Signal<T> signal = queue.take(); ; signal = queue.take()) {
                    if (signal.failure() != null) {
                        throw signal.failure();
                    }
                    if (signal.page() == null) {
                        break;
                    }
                    signal.page().forEach(visitor);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + partitions.size() + " partitions", e);
        } finally {
            // no interrupt: a request in flight ends on its own (an emulator may not survive an aborted one)
            stopped.set(true);
            readers.shutdown();
        }
    }

    /** Queues a signal for the visitor unless the read stopped; false when it did. */
    private static <T> boolean hand(BlockingQueue<Signal<T>> queue, Signal<T> signal, AtomicBoolean stopped) {
        try {
            while (!stopped.get()) {
                if (queue.offer(signal, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
