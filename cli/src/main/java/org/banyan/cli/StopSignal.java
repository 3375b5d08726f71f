package org.banyan.cli;

import java.util.concurrent.CompletableFuture;

/**
 * Ctrl-C or SIGTERM for a long-running command: a shutdown hook runs the command's clean stop, and {@link #stopped()}
 * completes once it has finished, so the command's thread can wait for it alongside anything else.
 */
final class StopSignal {

    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private StopSignal() {
    }

    /** Registers {@code stop} to run when the JVM is asked to shut down. */
    static StopSignal onShutdown(final Runnable stop, final String threadName) {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                signal.stopped.complete(null);
            }
        }, threadName));
        return signal;
    }

    /** Completes when the clean stop has run. */
    CompletableFuture<Void> stopped() {
        return stopped;
    }
}
