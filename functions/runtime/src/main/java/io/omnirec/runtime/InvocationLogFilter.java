package io.omnirec.runtime;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Adds the current invocation ({@code requestId}, {@code function}, {@code coldStart}) to the {@code mdc} of every
 * log line, whichever thread logs it; configured as the console's filter for every function.
 */
@LoggingFilter(name = "omnirec-invocation")
public final class InvocationLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            Invocations.current().ifPresent(invocation -> {
                ext.putMdc("requestId", invocation.requestId());
                ext.putMdc("function", invocation.function());
                ext.putMdc("coldStart", Boolean.toString(invocation.coldStart()));
            });
        }
        return true;
    }
}
