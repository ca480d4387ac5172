package io.omnirec.runtime;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lambda invocation this container is running. Lambda gives a container one invocation at a time, so the current
 * one is a single value readable from every thread (Quarkus answers an HTTP request on a worker thread, not the one
 * the handler was called on): {@link InvocationLogFilter} adds it to every log line, {@link Telemetry} to every
 * metric.
 */
public final class Invocations {
    private static final AtomicBoolean WARM = new AtomicBoolean();
    private static volatile Invocation current;
    private static final Object ENDED = new Object();
    private static String lastEnded;

    /**
     * One invocation.
     *
     * @param requestId Lambda's request id
     * @param function  the function's name
     * @param coldStart whether it is the container's first
     */
    public record Invocation(String requestId, String function, boolean coldStart) {
    }

    private Invocations() {
    }

    /** The handler starts serving an invocation. */
    public static Invocation begin(Context context) {
        Invocation invocation = new Invocation(
                context == null || context.getAwsRequestId() == null ? "local" : context.getAwsRequestId(),
                context == null || context.getFunctionName() == null ? "local" : context.getFunctionName(),
                !WARM.getAndSet(true));
        current = invocation;
        return invocation;
    }

    /** The invocation being served, if any. */
    public static Optional<Invocation> current() {
        return Optional.ofNullable(current);
    }

    /** The request id of the invocation being served, or {@code null}. */
    public static String requestId() {
        Invocation invocation = current;
        return invocation == null ? null : invocation.requestId();
    }

    /** The handler has answered. */
    public static void end() {
        Invocation ended = current;
        current = null;
        synchronized (ENDED) {
            lastEnded = ended == null ? null : ended.requestId();
            ENDED.notifyAll();
        }
    }

    /**
     * Waits until the handler has answered the invocation {@code requestId} (at once when it has already), at most
     * {@code timeoutMillis}; returns whether it has.
     */
    public static boolean awaitEnd(String requestId, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Math.max(0, timeoutMillis);
        synchronized (ENDED) {
            while (!requestId.equals(lastEnded)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                ENDED.wait(left);
            }
            return true;
        }
    }
}
