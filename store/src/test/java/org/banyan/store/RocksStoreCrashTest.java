package org.banyan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banyan.store.Bytes.utf8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process in the middle of writing synced batches ({@code kill -9}) and checks that every
 * batch it reported committed survived and that no batch survived in part.
 */
class RocksStoreCrashTest {

    /** Commits the test waits to see before killing the writer. */
    private static final int COMMITS_BEFORE_KILL = 50;

    /** Longest wait for one line of the writer's output, which includes its JVM start-up. */
    private static final long LINE_TIMEOUT_SECONDS = 30;

    /** Exit status of a process ended by SIGKILL (128 + 9). */
    private static final int KILLED_EXIT_STATUS = 137;

    /** A commit report within a line of the writer's output. */
    private static final java.util.regex.Pattern COMMITTED =
            java.util.regex.Pattern.compile(CrashingWriter.committedLine(0).replace("0", "(\\d+)"));

    /** Marks the end of the writer's output in the line queue. */
    private static final String END_OF_OUTPUT = "\u0000end of output";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killingTheWriterLosesNoCommittedBatchAndLeavesNoBatchHalfWritten(@TempDir final Path directory)
            throws IOException, InterruptedException {
        final Process writer = startWriter(directory);
        final WriterOutput output = new WriterOutput();
        final Thread outputReader = output.startReading(writer);
        try {
            output.awaitCommit(COMMITS_BEFORE_KILL - 1);

            assertThatThrownBy(() -> RocksStore.open(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("data directory " + directory + " is in use by another process");
            assertThat(writer.isAlive()).as("writer still running when killed; output: %s", output.otherLines).isTrue();
            writer.destroyForcibly();
            assertThat(writer.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isEqualTo(KILLED_EXIT_STATUS);
            output.awaitEnd();

            assertRecoveredBatches(directory, output.lastReported);
        } finally {
            writer.destroyForcibly();
            outputReader.join(TimeUnit.SECONDS.toMillis(LINE_TIMEOUT_SECONDS));
        }
    }

    /** Every batch up to the last reported one is whole; at most the next one, whole too, got in before the kill. */
    private static void assertRecoveredBatches(final Path directory, final int lastReported) {
        final TreeSet<Integer> markedBatches = new TreeSet<>();
        final Map<Integer, Integer> keyCountByBatch = new TreeMap<>();
        final List<Integer> batchesWithWrongValues = new ArrayList<>();
        try (RocksStore store = RocksStore.open(directory)) {
            store.scan(utf8("batch-"), utf8("batch-"), Integer.MAX_VALUE, (key, value) -> markedBatches.add(
                    Integer.parseInt(new String(value, StandardCharsets.UTF_8))));
            store.scan(utf8("k-"), utf8("k-"), Integer.MAX_VALUE, (key, value) -> {
                final int number = Integer.parseInt(new String(key, StandardCharsets.UTF_8).split("-")[1]);
                keyCountByBatch.merge(number, 1, Integer::sum);
                if (!Arrays.equals(value, CrashingWriter.value(number))) {
                    batchesWithWrongValues.add(number);
                }
                return true;
            });
        }

        assertThat(markedBatches).isNotEmpty();
        final int lastRecovered = markedBatches.last();
        assertThat(lastRecovered).isBetween(lastReported, lastReported + 1);
        assertThat(markedBatches).hasSize(lastRecovered + 1);
        assertThat(keyCountByBatch.keySet()).containsExactlyElementsOf(markedBatches);
        assertThat(keyCountByBatch.values()).containsOnly(CrashingWriter.KEYS_PER_BATCH);
        assertThat(batchesWithWrongValues).isEmpty();
    }

    private static Process startWriter(final Path directory) throws IOException {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** The writer's output as the test has read it so far. */
    private static final class WriterOutput {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> otherLines = new ArrayList<>();
        private int lastReported = -1;
        private boolean ended;

        /** Copies the writer's output lines into the queue, then {@link #END_OF_OUTPUT} when it closes. */
        Thread startReading(final Process writer) {
            final Thread reader = new Thread(() -> {
                try (BufferedReader output = new BufferedReader(
                        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = output.readLine(); line != null; line = output.readLine()) {
                        lines.add(line);
                    }
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    lines.add(END_OF_OUTPUT);
                }
            }, "crashing-writer-output");
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        /** Reads lines until batch {@code number} is reported committed. */
        void awaitCommit(final int number) throws InterruptedException {
            while (lastReported < number) {
                readLine();
                assertThat(ended).as("writer ended before batch %d; output: %s", number, otherLines).isFalse();
            }
        }

        /** Reads the lines the writer printed before it died. */
        void awaitEnd() throws InterruptedException {
            while (!ended) {
                readLine();
            }
        }

        private void readLine() throws InterruptedException {
            final String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("writer output within %d s; output: %s", LINE_TIMEOUT_SECONDS, otherLines).isNotNull();
            if (line.equals(END_OF_OUTPUT)) {
                ended = true;
            } else {
                // The writer's stderr shares the pipe, so a JVM or RocksDB warning may land on the same line as a
                // report: find the report anywhere in the line rather than expect whole lines.
                final java.util.regex.Matcher report = COMMITTED.matcher(line);
                boolean reported = false;
                while (report.find()) {
                    lastReported = Math.max(lastReported, Integer.parseInt(report.group(1)));
                    reported = true;
                }
                if (!reported) {
                    otherLines.add(line);
                }
            }
        }
    }
}
