package org.banyan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.store.Bytes.hex;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of batches, scans and reads give the same results on a store as on a
 * {@link TreeMap} ordered by unsigned bytes. Keys come from a small alphabet around the signed and
 * unsigned boundaries (0x00, 0x7F/0x80, 0xFF) so that keys collide, overwrite each other and share
 * prefixes. A failure prints its seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
class StoreModelPropertyTest {

    /** Sequences tried per store; about a second of synced RocksDB writes. */
    private static final int EXAMPLES = 200;

    /** Shrinking attempts after a failure, so a failing run reports within seconds rather than minutes. */
    private static final int SHRINK_CYCLES = 100;

    /** Longest sequence of steps in one example. */
    private static final int MAX_STEPS = 15;

    private static final byte[] EMPTY = new byte[0];

    private static final List<Byte> KEY_BYTES = List.of(
            (byte) 0x00, (byte) 0x01, (byte) 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF);

    @AcrossStores
    void aStoreBehavesLikeAnUnsignedSortedMap(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).forAll(steps()).checkAssert(steps -> {
                clear(store);
                final TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
                for (final Step step : steps) {
                    step.check(store, model);
                }
                final List<String> modelEntries = model.entrySet().stream()
                        .map(entry -> Bytes.entry(entry.getKey(), entry.getValue()))
                        .toList();
                assertThat(Bytes.scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactlyElementsOf(modelEntries);
            });
        }
    }

    private static void clear(final KeyValueStore store) {
        final WriteBatch deleteAll = new WriteBatch();
        store.scan(EMPTY, EMPTY, Integer.MAX_VALUE, (key, value) -> {
            deleteAll.delete(key);
            return true;
        });
        store.write(deleteAll);
    }

    /** One action of a generated sequence, applied to the store and checked against the model. */
    private sealed interface Step permits WriteStep, ScanStep, GetStep {
        void check(KeyValueStore store, TreeMap<byte[], byte[]> model);
    }

    /** Writes one batch to the store and applies its entries to the model in order. */
    private record WriteStep(List<WriteBatch.Entry> entries) implements Step {
        @Override
        public void check(final KeyValueStore store, final TreeMap<byte[], byte[]> model) {
            final WriteBatch batch = new WriteBatch();
            for (final WriteBatch.Entry entry : entries) {
                if (entry.isDelete()) {
                    batch.delete(entry.key());
                    model.remove(entry.key());
                } else {
                    batch.put(entry.key(), entry.value());
                    model.put(entry.key(), entry.value());
                }
            }
            store.write(batch);
        }

        @Override
        public String toString() {
            return "write" + entries.stream()
                    .map(entry -> entry.isDelete() ? "-" + hex(entry.key()) : hex(entry.key()) + "=" + hex(entry.value()))
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** Scans the store, its visitor stopping after {@code stopAfter} entries, and compares with a filter over the model. */
    private record ScanStep(byte[] prefix, byte[] startKey, int limit, int stopAfter) implements Step {
        @Override
        public void check(final KeyValueStore store, final TreeMap<byte[], byte[]> model) {
            final List<String> visited = new ArrayList<>();
            store.scan(prefix, startKey, limit, (key, value) -> {
                visited.add(Bytes.entry(key, value));
                return visited.size() < stopAfter;
            });

            final List<String> expected = model.entrySet().stream()
                    .filter(entry -> startsWith(entry.getKey(), prefix) && Arrays.compareUnsigned(entry.getKey(), startKey) >= 0)
                    .limit(Math.min(limit, stopAfter))
                    .map(entry -> Bytes.entry(entry.getKey(), entry.getValue()))
                    .toList();
            assertThat(visited).as(toString()).containsExactlyElementsOf(expected);
        }

        @Override
        public String toString() {
            return "scan(prefix " + hex(prefix) + ", start " + hex(startKey) + ", limit " + limit + ", stop after " + stopAfter + ")";
        }
    }

    /** Reads one key from the store and the model. */
    private record GetStep(byte[] key) implements Step {
        @Override
        public void check(final KeyValueStore store, final TreeMap<byte[], byte[]> model) {
            assertThat(store.get(key).map(Bytes::hex)).as(toString()).isEqualTo(Optional.ofNullable(model.get(key)).map(Bytes::hex));
        }

        @Override
        public String toString() {
            return "get(" + hex(key) + ")";
        }
    }

    private static Gen<List<Step>> steps() {
        final Gen<byte[]> keys = Generate.byteArrays(Generate.range(0, 3), Generate.pick(KEY_BYTES));
        final Gen<byte[]> values = Generate.byteArrays(Generate.range(0, 3), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        final Gen<WriteBatch.Entry> entries = Generate.booleans().zip(keys, values,
                (isDelete, key, value) -> isDelete ? new WriteBatch.Delete(key) : new WriteBatch.Put(key, value));
        final Gen<Step> writes = lists().of(entries).ofSizeBetween(0, 6).map(WriteStep::new);
        final Gen<Step> scans = keys.zip(keys, Generate.range(0, 8), Generate.range(1, 8), ScanStep::new);
        final Gen<Step> gets = keys.map(GetStep::new);
        final Gen<Step> step = Generate.frequency(List.of(Pair.of(5, writes), Pair.of(3, scans), Pair.of(2, gets)));
        return lists().of(step).ofSizeBetween(1, MAX_STEPS).describedAs(List::toString);
    }

    private static boolean startsWith(final byte[] key, final byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
