package org.banyan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banyan.store.Bytes.entry;
import static org.banyan.store.Bytes.scan;
import static org.banyan.store.Bytes.utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the RocksDB store promises: durability across reopen, directory locking and explicit options. */
class RocksStoreTest {

    private static final byte[] EMPTY = new byte[0];

    @TempDir
    Path directory;

    @Test
    void committedDataSurvivesCloseAndReopen() {
        try (RocksStore store = RocksStore.open(directory)) {
            store.write(new WriteBatch().put(utf8("a"), utf8("1")).put(utf8("b"), utf8("2")).put(utf8("c"), EMPTY));
            store.write(new WriteBatch().delete(utf8("b")).put(utf8("a"), utf8("updated")));
        }

        try (RocksStore reopened = RocksStore.open(directory)) {
            assertThat(scan(reopened, EMPTY, EMPTY, Integer.MAX_VALUE)).containsExactly(
                    entry(utf8("a"), utf8("updated")), entry(utf8("c"), EMPTY));
        }
    }

    @Test
    void aSecondOpenOfAnOpenDirectoryFailsClearlyAndTheFirstStoreKeepsWorking() {
        try (RocksStore store = RocksStore.open(directory)) {
            assertThatThrownBy(() -> RocksStore.open(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("data directory " + directory + " is already open in this process");

            store.write(new WriteBatch().put(utf8("still"), utf8("writable")));
            assertThat(store.get(utf8("still"))).isPresent();
        }
        try (RocksStore reopened = RocksStore.open(directory)) {
            assertThat(reopened.get(utf8("still"))).isPresent();
        }
    }

    @Test
    void aSecondOpenThroughASymbolicLinkIsCaughtToo() throws IOException {
        final Path storeDirectory = Files.createDirectory(directory.resolve("store"));
        final Path link = Files.createSymbolicLink(directory.resolve("link"), storeDirectory);

        try (RocksStore store = RocksStore.open(storeDirectory)) {
            assertThatThrownBy(() -> RocksStore.open(link))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("data directory " + link + " is already open in this process");
            assertThatThrownBy(() -> RocksStore.open(link.resolve("..").resolve("store")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith(" is already open in this process");

            store.write(new WriteBatch().put(utf8("still"), utf8("writable")));
            assertThat(store.get(utf8("still"))).isPresent();
        }
    }

    @Test
    void openCreatesMissingParentDirectories() {
        final Path nested = directory.resolve("node-1").resolve("ledger");

        try (RocksStore store = RocksStore.open(nested)) {
            store.write(new WriteBatch().put(utf8("a"), utf8("1")));
        }

        assertThat(nested.resolve("CURRENT")).isRegularFile();
    }

    @Test
    void openOfAPathBlockedByARegularFileFailsWithAnIoError() throws IOException {
        final Path file = Files.createFile(directory.resolve("not-a-directory"));

        assertThatThrownBy(() -> RocksStore.open(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot create data directory " + file);
    }

    @Test
    void openOfACorruptDatabaseFailsWithAnIoErrorNamingTheDirectory() throws IOException {
        RocksStore.open(directory).close();
        Files.writeString(directory.resolve("CURRENT"), "MANIFEST-999999\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RocksStore.open(directory))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot open RocksDB in " + directory);
    }

    @Test
    @SuppressWarnings("try") // closing the resource inside its own block is what this test checks
    void closingFromInsideAScanVisitorIsRejectedInsteadOfDeadlocking() {
        try (RocksStore store = RocksStore.open(directory)) {
            store.write(new WriteBatch().put(utf8("a"), utf8("1")));

            assertThatThrownBy(() -> store.scan(EMPTY, EMPTY, 1, (key, value) -> {
                store.close();
                return true;
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessage("close called from inside a scan visitor of the same store");
            assertThat(store.get(utf8("a"))).isPresent();
        }
    }

    @Test
    void approximateSizeGrowsWithWrittenDataAndFailsOnceClosed() {
        final RocksStore store = RocksStore.open(directory);
        final long emptySizeBytes = store.approximateSizeBytes();
        final WriteBatch batch = new WriteBatch();
        for (int number = 0; number < 1000; number++) {
            batch.put(utf8("key-" + number), new byte[1000]);
        }

        store.write(batch);

        assertThat(store.approximateSizeBytes()).isGreaterThanOrEqualTo(emptySizeBytes + batch.byteSize());
        store.close();
        assertThatThrownBy(store::approximateSizeBytes).isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
    }

    /** The options that matter are set by us, not inherited: RocksDB records what it opened with. */
    @Test
    void theDatabaseRunsWithTheExplicitOptionsAndCaps() throws IOException {
        try (RocksStore store = RocksStore.open(directory)) {
            assertThat(store.longProperty("rocksdb.block-cache-capacity")).isEqualTo(RocksStore.BLOCK_CACHE_BYTES);
        }

        assertThat(optionsFileLines()).contains(
                "max_open_files=" + RocksStore.MAX_OPEN_FILES,
                "write_buffer_size=" + RocksStore.WRITE_BUFFER_BYTES,
                "max_write_buffer_number=" + RocksStore.MAX_WRITE_BUFFER_COUNT,
                "max_background_jobs=" + RocksStore.MAX_BACKGROUND_JOBS,
                "max_log_file_size=" + RocksStore.MAX_INFO_LOG_FILE_BYTES,
                "keep_log_file_num=" + RocksStore.KEPT_INFO_LOG_FILE_COUNT,
                "filter_policy=bloomfilter:" + (int) RocksStore.BLOOM_FILTER_BITS_PER_KEY + ":false",
                "compression=kLZ4Compression",
                "bottommost_compression=kLZ4Compression",
                "wal_recovery_mode=kPointInTimeRecovery",
                "paranoid_checks=true",
                "manual_wal_flush=false",
                "cache_index_and_filter_blocks=true",
                "pin_l0_filter_and_index_blocks_in_cache=true",
                "whole_key_filtering=true");
    }

    private Set<String> optionsFileLines() throws IOException {
        final List<Path> optionsFiles;
        try (Stream<Path> files = Files.list(directory)) {
            optionsFiles = files.filter(file -> file.getFileName().toString().startsWith("OPTIONS-")).sorted().toList();
        }
        assertThat(optionsFiles).isNotEmpty();
        try (Stream<String> lines = Files.lines(optionsFiles.get(optionsFiles.size() - 1))) {
            return lines.map(String::trim).collect(Collectors.toSet());
        }
    }
}
