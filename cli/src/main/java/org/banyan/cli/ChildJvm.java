package org.banyan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code banyan} in a child JVM: the same Java and class path as this one, output to a log file. Stopping asks
 * first (SIGTERM, so the child's shutdown hook closes its store) and kills only after a bounded wait.
 */
final class ChildJvm {

    /** How long a child may take to stop cleanly: a node finishes its ledger close and closes RocksDB well within it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private ChildJvm() {
    }

    /** Starts {@code java <jvmOptions> -cp <this class path> org.banyan.cli.Main <arguments>}. */
    static Process start(final List<String> jvmOptions, final List<String> arguments, final Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", arguments) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks every child to stop at once, kills those that have not within {@code grace}, and waits for them to be gone.
     *
     * @return true when all stopped by themselves, false when any had to be killed
     */
    static boolean stopAll(final List<Process> processes, final Duration grace) {
        processes.forEach(Process::destroy);
        long deadlineNanos = System.nanoTime() + grace.toNanos();
        boolean clean = true;
        try {
            for (Process process : processes) {
                long remainingNanos = Math.max(0, deadlineNanos - System.nanoTime());
                if (!process.waitFor(remainingNanos, TimeUnit.NANOSECONDS)) {
                    clean = false;
                    process.destroyForcibly();
                }
            }
            for (Process process : processes) {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for " + grace);
                }
            }
        } catch (InterruptedException e) {
            processes.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
            return false;
        }
        return clean;
    }

    /** The running JVM's own launcher, so children run on the same Java. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
