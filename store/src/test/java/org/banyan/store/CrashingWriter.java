package org.banyan.store;

import static org.banyan.store.Bytes.utf8;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link RocksStoreCrashTest}: writes numbered batches to a {@link RocksStore}
 * and reports each one on stdout once its write has returned, until the test kills it.
 */
final class CrashingWriter {

    /** Keys {@code k-N-i} each batch writes besides its marker key {@code batch-N}. */
    static final int KEYS_PER_BATCH = 100;

    /** Bytes per value: large enough that one batch spans several 32 KiB WAL blocks and a kill can tear it. */
    static final int VALUE_BYTES = 1024;

    /**
     * Batches written before giving up on being killed, so an orphaned writer stops by itself
     * (after about 100 MiB) instead of filling the disk.
     */
    static final int MAX_BATCHES = 1000;

    /** The line that reports batch {@code number} committed. */
    static String committedLine(final int number) {
        return "committed " + number;
    }

    /** The value every key of batch {@code number} holds. */
    static byte[] value(final int number) {
        final byte[] value = new byte[VALUE_BYTES];
        Arrays.fill(value, (byte) number);
        return value;
    }

    private CrashingWriter() {
    }

    /** Writes batches to the store in directory {@code arguments[0]}. */
    public static void main(final String[] arguments) {
        if (arguments.length != 1) {
            throw new IllegalArgumentException("usage: CrashingWriter <data directory>");
        }
        try (RocksStore store = RocksStore.open(Path.of(arguments[0]))) {
            for (int number = 0; number < MAX_BATCHES; number++) {
                final WriteBatch batch = new WriteBatch().put(utf8("batch-" + number), utf8(Integer.toString(number)));
                for (int index = 0; index < KEYS_PER_BATCH; index++) {
                    batch.put(utf8("k-" + number + "-" + index), value(number));
                }
                store.write(batch);
                System.out.println(committedLine(number));
                System.out.flush();
            }
        }
    }
}
