package org.banyan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child JVMs of a long-running command ({@code testnet}, {@code up}): started one by one, watched, and all stopped
 * on Ctrl-C. A child that exits while the group is not stopping is reported with its log, since the network it
 * belongs to is then degraded.
 */
final class ProcessGroup {

    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Process> processes = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final StopSignal signal;

    /** A group that stops every child it started when the JVM is asked to shut down. */
    ProcessGroup(final PrintWriter out, final PrintWriter err, final String threadName) {
        this.out = out;
        this.err = err;
        this.signal = StopSignal.onShutdown(this::stopAll, threadName);
    }

    /**
     * Starts {@code banyan <arguments>} in a child JVM logging to {@code log}; false when the group is already stopping
     * (Ctrl-C during start-up), in which case nothing is started.
     */
    boolean start(final String name, final List<String> jvmOptions, final List<String> arguments, final Path log) {
        // Under the lock, so that a Ctrl-C during start-up stops every child started so far and starts no more.
        synchronized (processes) {
            if (stopping.get()) {
                return false;
            }
            Process process = ChildJvm.start(jvmOptions, arguments, log);
            processes.add(process);
            process.onExit().thenAccept(exited -> {
                if (!stopping.get()) {
                    err.println("warning: " + name + " (pid " + exited.pid() + ") exited with code "
                            + exited.exitValue() + "; its log: " + log);
                    err.flush();
                }
            });
            return true;
        }
    }

    /** Whether Ctrl-C has been pressed. */
    boolean isStopping() {
        return stopping.get();
    }

    /**
     * Waits until Ctrl-C, or until every child has exited by itself.
     *
     * @throws CommandFailedException when every child exited without being asked to
     */
    void awaitStop(final String whatExited) {
        CompletableFuture<Void> allExited;
        synchronized (processes) {
            allExited = CompletableFuture.allOf(processes.stream().map(Process::onExit).toArray(CompletableFuture[]::new));
        }
        CompletableFuture.anyOf(signal.stopped(), allExited).join();
        if (!stopping.get()) {
            throw new CommandFailedException(whatExited);
        }
    }

    private void stopAll() {
        List<Process> started;
        synchronized (processes) {
            stopping.set(true);
            started = List.copyOf(processes);
        }
        boolean clean = ChildJvm.stopAll(started, ChildJvm.STOP_GRACE);
        out.println(clean ? "Every process stopped." : "Every process stopped; some had to be killed.");
        out.flush();
    }
}
