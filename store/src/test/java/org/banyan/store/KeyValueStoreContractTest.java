package org.banyan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banyan.store.Bytes.entry;
import static org.banyan.store.Bytes.of;
import static org.banyan.store.Bytes.scan;
import static org.banyan.store.Bytes.utf8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;

/** The {@link KeyValueStore} contract, checked against every implementation. */
class KeyValueStoreContractTest {

    private static final byte[] EMPTY = new byte[0];

    /** Keys every batch of the concurrency test rewrites together. */
    private static final int COUNTER_KEYS = 10;

    @AcrossStores
    void getOfAnAbsentKeyIsEmpty(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            assertThat(store.get(utf8("missing"))).isEmpty();
        }
    }

    @AcrossStores
    void putThenGetReturnsTheValue(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch().put(utf8("account"), utf8("balance=10")));

            assertThat(store.get(utf8("account"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("balance=10")));
        }
    }

    @AcrossStores
    void aLaterBatchOverwritesTheValue(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch().put(utf8("account"), utf8("old")));
            store.write(new WriteBatch().put(utf8("account"), utf8("new")));

            assertThat(store.get(utf8("account"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("new")));
        }
    }

    @AcrossStores
    void deleteRemovesTheKeyAndDeletingAnAbsentKeyChangesNothing(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch().put(utf8("a"), utf8("1")).put(utf8("b"), utf8("2")));
            store.write(new WriteBatch().delete(utf8("a")).delete(utf8("never-written")));

            assertThat(store.get(utf8("a"))).isEmpty();
            assertThat(store.get(utf8("never-written"))).isEmpty();
            assertThat(scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(entry(utf8("b"), utf8("2")));
        }
    }

    @AcrossStores
    void theLaterOperationOnAKeyWinsInsideOneBatch(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch().put(utf8("deleted-then-put"), utf8("before")));
            store.write(new WriteBatch()
                    .put(utf8("put-twice"), utf8("first"))
                    .put(utf8("put-twice"), utf8("second"))
                    .put(utf8("put-then-deleted"), utf8("gone"))
                    .delete(utf8("put-then-deleted"))
                    .delete(utf8("deleted-then-put"))
                    .put(utf8("deleted-then-put"), utf8("after")));

            assertThat(scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("deleted-then-put"), utf8("after")),
                    entry(utf8("put-twice"), utf8("second")));
        }
    }

    @AcrossStores
    void emptyValuesAndEmptyKeysAreStoredAndDifferFromAbsence(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch().put(utf8("empty"), EMPTY).put(EMPTY, utf8("under the empty key")));

            assertThat(store.get(utf8("empty"))).hasValueSatisfying(value -> assertThat(value).isEmpty());
            assertThat(store.get(EMPTY)).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("under the empty key")));
            assertThat(scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(
                    entry(EMPTY, utf8("under the empty key")), entry(utf8("empty"), EMPTY));
        }
    }

    @AcrossStores
    void anEmptyBatchChangesNothing(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch().put(utf8("a"), utf8("1")));
            store.write(new WriteBatch());

            assertThat(scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(entry(utf8("a"), utf8("1")));
        }
    }

    @AcrossStores
    void scanVisitsOnlyTheKeysWithThePrefixInOrder(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch()
                    .put(utf8("acct/2"), utf8("b"))
                    .put(utf8("acct/1"), utf8("a"))
                    .put(utf8("acct"), utf8("no slash"))
                    .put(utf8("acc"), utf8("shorter than the prefix"))
                    .put(utf8("acct0"), utf8("next byte after the slash"))
                    .put(utf8("block/1"), utf8("other namespace")));

            assertThat(scan(store, utf8("acct/"), utf8("acct/"), Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("acct/1"), utf8("a")), entry(utf8("acct/2"), utf8("b")));
        }
    }

    @AcrossStores
    void scanStartsAtTheStartKeyInclusive(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(numberedKeys("k/", 5));

            assertThat(scan(store, utf8("k/"), utf8("k/2"), Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("k/2"), utf8("2")), entry(utf8("k/3"), utf8("3")), entry(utf8("k/4"), utf8("4")));
            assertThat(scan(store, utf8("k/"), utf8("k/25"), Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("k/3"), utf8("3")), entry(utf8("k/4"), utf8("4")));
        }
    }

    @AcrossStores
    void aStartKeyBelowThePrefixStartsAtThePrefix(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(numberedKeys("k/", 2).put(utf8("a"), utf8("before the prefix")));

            assertThat(scan(store, utf8("k/"), utf8("a"), Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("k/0"), utf8("0")), entry(utf8("k/1"), utf8("1")));
        }
    }

    @AcrossStores
    void aStartKeyPastThePrefixVisitsNothing(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(numberedKeys("k/", 2).put(utf8("z"), utf8("after the prefix")));

            assertThat(scan(store, utf8("k/"), utf8("l"), Integer.MAX_VALUE)).isEmpty();
        }
    }

    @AcrossStores
    void scanStopsAtTheLimit(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(numberedKeys("k/", 5));

            assertThat(scan(store, utf8("k/"), utf8("k/"), 2)).containsExactly(
                    entry(utf8("k/0"), utf8("0")), entry(utf8("k/1"), utf8("1")));
            assertThat(scan(store, utf8("k/"), utf8("k/"), 5)).hasSize(5);
            assertThat(scan(store, utf8("k/"), utf8("k/"), 0)).isEmpty();
        }
    }

    @AcrossStores
    void aNegativeLimitIsRejected(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            assertThatThrownBy(() -> store.scan(EMPTY, EMPTY, -1, (key, value) -> true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scan limit must not be negative, got -1");
        }
    }

    @AcrossStores
    void scanStopsWhenTheVisitorReturnsFalse(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(numberedKeys("k/", 5));
            final List<String> visited = new ArrayList<>();

            store.scan(utf8("k/"), utf8("k/"), Integer.MAX_VALUE, (key, value) -> {
                visited.add(Bytes.hex(key));
                return visited.size() < 3;
            });

            assertThat(visited).containsExactly(Bytes.hex(utf8("k/0")), Bytes.hex(utf8("k/1")), Bytes.hex(utf8("k/2")));
        }
    }

    @AcrossStores
    void keysOrderAsUnsignedBytes(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch()
                    .put(of(0xFF), EMPTY)
                    .put(of(0x80), EMPTY)
                    .put(of(0x01, 0x00), EMPTY)
                    .put(of(0x7F), EMPTY)
                    .put(of(0x01), EMPTY)
                    .put(of(0x00), EMPTY));

            assertThat(scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(
                    entry(of(0x00), EMPTY), entry(of(0x01), EMPTY), entry(of(0x01, 0x00), EMPTY),
                    entry(of(0x7F), EMPTY), entry(of(0x80), EMPTY), entry(of(0xFF), EMPTY));
        }
    }

    @AcrossStores
    void prefixesEndingInFfCoverTheirWholeRange(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(new WriteBatch()
                    .put(of(0x01, 0xFE), EMPTY)
                    .put(of(0x01, 0xFF), EMPTY)
                    .put(of(0x01, 0xFF, 0xFF, 0x00), EMPTY)
                    .put(of(0x02), EMPTY)
                    .put(of(0xFF), EMPTY)
                    .put(of(0xFF, 0xFF), EMPTY)
                    .put(of(0xFF, 0xFF, 0x00), EMPTY));

            assertThat(scan(store, of(0x01, 0xFF), of(0x01, 0xFF), Integer.MAX_VALUE)).containsExactly(
                    entry(of(0x01, 0xFF), EMPTY), entry(of(0x01, 0xFF, 0xFF, 0x00), EMPTY));
            assertThat(scan(store, of(0xFF), of(0xFF), Integer.MAX_VALUE)).containsExactly(
                    entry(of(0xFF), EMPTY), entry(of(0xFF, 0xFF), EMPTY), entry(of(0xFF, 0xFF, 0x00), EMPTY));
        }
    }

    @AcrossStores
    void callersCannotChangeStoredBytesThroughTheirArrays(final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            final byte[] key = utf8("key");
            final byte[] value = utf8("value");
            store.write(new WriteBatch().put(key, value));
            key[0] = 'X';
            value[0] = 'X';
            store.get(utf8("key")).orElseThrow()[0] = 'Y';
            store.scan(EMPTY, EMPTY, Integer.MAX_VALUE, (scannedKey, scannedValue) -> {
                scannedKey[0] = 'Z';
                scannedValue[0] = 'Z';
                return true;
            });

            assertThat(scan(store, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(entry(utf8("key"), utf8("value")));
        }
    }

    @AcrossStores
    void aScanSeesTheStoreAsItWasWhenItBeganWhileItsVisitorWrites(
            final StoreFactory factory, @TempDir final Path directory) {
        try (KeyValueStore store = factory.open(directory)) {
            store.write(numberedKeys("k/", 3));
            final List<String> visited = new ArrayList<>();

            store.scan(utf8("k/"), utf8("k/"), Integer.MAX_VALUE, (key, value) -> {
                visited.add(entry(key, value));
                store.write(new WriteBatch().delete(utf8("k/2")).put(utf8("k/1"), utf8("changed")).put(utf8("k/9"), utf8("9")));
                return true;
            });

            assertThat(visited).containsExactly(
                    entry(utf8("k/0"), utf8("0")), entry(utf8("k/1"), utf8("1")), entry(utf8("k/2"), utf8("2")));
            assertThat(scan(store, utf8("k/"), utf8("k/"), Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("k/0"), utf8("0")), entry(utf8("k/1"), utf8("changed")), entry(utf8("k/9"), utf8("9")));
        }
    }

    @AcrossStores
    void aClosedStoreRejectsEveryCallAndClosesAgainQuietly(final StoreFactory factory, @TempDir final Path directory) {
        final KeyValueStore store = factory.open(directory);
        store.write(new WriteBatch().put(utf8("a"), utf8("1")));
        store.close();

        assertThatThrownBy(() -> store.get(utf8("a"))).isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
        assertThatThrownBy(() -> store.write(new WriteBatch().put(utf8("b"), utf8("2"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
        assertThatThrownBy(() -> store.scan(EMPTY, EMPTY, 1, (key, value) -> true))
                .isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
        store.close();
        assertThatThrownBy(() -> store.get(utf8("a"))).isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
    }

    /**
     * Readers scanning while one writer commits must never see a batch half applied: every batch
     * sets all {@value #COUNTER_KEYS} counter keys to its own number, so a scan that sees two
     * different numbers has seen part of a batch.
     */
    @AcrossStores
    void concurrentReadersSeeOnlyWholeBatches(final StoreFactory factory, @TempDir final Path directory) throws Exception {
        final int batchCount = 100;
        final int readerCount = 3;
        final ExecutorService executor = Executors.newFixedThreadPool(readerCount + 1);
        try (KeyValueStore store = factory.open(directory)) {
            store.write(counterBatch(0));
            final AtomicBoolean writerDone = new AtomicBoolean();
            final CountDownLatch readersScanning = new CountDownLatch(readerCount);
            final Future<Integer> writer = executor.submit(() -> {
                try {
                    assertThat(readersScanning.await(30, TimeUnit.SECONDS)).isTrue();
                    for (int number = 1; number <= batchCount; number++) {
                        store.write(counterBatch(number));
                    }
                    return batchCount;
                } finally {
                    writerDone.set(true);
                }
            });
            final List<Future<List<Set<String>>>> readers = new ArrayList<>();
            for (int reader = 0; reader < readerCount; reader++) {
                readers.add(executor.submit(() -> {
                    final List<Set<String>> tornScans = new ArrayList<>();
                    while (!writerDone.get()) {
                        final Set<String> values = new HashSet<>();
                        store.scan(utf8("counter/"), utf8("counter/"), Integer.MAX_VALUE, (key, value) -> values.add(Bytes.hex(value)));
                        if (values.size() != 1) {
                            tornScans.add(values);
                        }
                        readersScanning.countDown();
                    }
                    return tornScans;
                }));
            }

            assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(batchCount);
            for (final Future<List<Set<String>>> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).as("scans that saw part of a batch").isEmpty();
            }
            assertThat(scan(store, utf8("counter/"), utf8("counter/"), Integer.MAX_VALUE))
                    .hasSize(COUNTER_KEYS)
                    .allSatisfy(counterEntry -> assertThat(counterEntry).endsWith("=" + Bytes.hex(utf8(Integer.toString(batchCount)))));
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static WriteBatch counterBatch(final int number) {
        final WriteBatch batch = new WriteBatch();
        for (int counter = 0; counter < COUNTER_KEYS; counter++) {
            batch.put(utf8("counter/" + counter), utf8(Integer.toString(number)));
        }
        return batch;
    }

    /** Keys {@code prefix + i} with value {@code i}, for i below {@code count} (single digits sort numerically). */
    private static WriteBatch numberedKeys(final String prefix, final int count) {
        final WriteBatch batch = new WriteBatch();
        for (int number = 0; number < count; number++) {
            batch.put(utf8(prefix + number), utf8(Integer.toString(number)));
        }
        return batch;
    }
}
