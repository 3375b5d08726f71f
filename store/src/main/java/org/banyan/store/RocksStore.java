package org.banyan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;

/**
 * The node's durable {@link KeyValueStore}: one RocksDB database in one data directory.
 *
 * <h2>Layout and key encoding</h2>
 * One column family, the default one. Keys are stored as the raw bytes the caller gives; the store
 * adds no prefix, length or tag, and callers keep their data apart with their own key prefixes
 * (ledger headers, accounts, state-tree nodes). RocksDB's default bytewise comparator orders keys
 * as unsigned bytes, which is the order {@link #scan} promises. Separate column families would buy
 * per-family tuning, but nothing here needs it yet, and one family keeps one memtable and one set
 * of options to reason about.
 *
 * <h2>Batch atomicity, the WAL and the sync policy</h2>
 * Each {@link #write} turns the {@link WriteBatch} into one RocksDB write batch, applied with one
 * call. RocksDB appends the whole batch to its write-ahead log as one record and inserts it into
 * the memtable under one sequence range, so readers and crash recovery see all of it or none of
 * it, and a later operation on a key in the same batch wins. {@link WriteOptions#setSync} is on for
 * every write: the call returns only after the WAL record is fsynced (fdatasync), so a ledger
 * commit that returned survives {@code kill -9} and power loss. The WAL is never disabled and is
 * flushed automatically with each write. On reopen RocksDB replays the WAL in point-in-time mode:
 * a record torn by a crash ends recovery there, which can only lose a write that never returned,
 * while a corrupt record in the middle of the log fails the open instead of skipping data.
 * Paranoid checks stay on so corruption stops the node rather than spreading.
 *
 * <h2>Memory, files and threads</h2>
 * Defaults that matter are set explicitly. Data, index and filter blocks all live in one LRU
 * block cache of {@link #BLOCK_CACHE_BYTES}, so table-reader memory is capped by the cache instead
 * of growing with the number of table files; level-0 index and filter blocks are pinned because
 * every read consults them. Memtables add at most {@link #WRITE_BUFFER_BYTES} times
 * {@link #MAX_WRITE_BUFFER_COUNT}. {@link #MAX_OPEN_FILES} bounds file descriptors, which the node
 * also needs for peer and client sockets; tables beyond it are reopened through the cache on
 * demand. Bloom filters let point reads of absent keys skip the disk. LZ4 compresses tables at
 * little CPU cost. RocksDB's own info log is capped in size and count.
 *
 * <h2>Concurrency and lifecycle</h2>
 * RocksDB is safe for concurrent readers and writers; this class adds one read-write lock so that
 * {@link #close()} cannot free native handles under a running call, which would crash the JVM
 * rather than throw. Every operation holds the read lock, so many readers and a writer run in
 * parallel; close takes the write lock, waits for running calls, and releases the database before
 * the options, filter and cache it uses. A scan iterates over RocksDB's implicit snapshot taken
 * when it starts. A second open of a directory fails on RocksDB's {@code LOCK} file; that failure
 * is reported as an {@link IllegalStateException} naming the directory.
 */
public final class RocksStore implements KeyValueStore {

    /**
     * Native memory for cached data, index and filter blocks: enough for the hot accounts and state
     * tree of a sub-chain node, small enough to sit beside the JVM heap on a modest host.
     */
    static final long BLOCK_CACHE_BYTES = 256L * 1024 * 1024;

    /**
     * Memtable size before a flush to a table file: large enough to absorb many ledger commits
     * between flushes, and the unit in which memtable memory grows.
     */
    static final long WRITE_BUFFER_BYTES = 64L * 1024 * 1024;

    /** Memtables kept at once (one active, one flushing), so memtables never hold more than 128 MiB. */
    static final int MAX_WRITE_BUFFER_COUNT = 2;

    /**
     * Table files kept open. With 64 MiB tables this covers about 32 GiB of data while leaving most
     * of a typical 1024-descriptor limit to peer and client sockets.
     */
    static final int MAX_OPEN_FILES = 512;

    /** Flush and compaction threads: one of each, so background work cannot take over a small host's cores. */
    static final int MAX_BACKGROUND_JOBS = 2;

    /** Bloom filter bits per key: about a 1% false-positive rate, the usual balance of memory and saved reads. */
    static final double BLOOM_FILTER_BITS_PER_KEY = 10.0;

    /** Size at which RocksDB's info log rolls over, so its diagnostics never fill the data disk. */
    static final long MAX_INFO_LOG_FILE_BYTES = 16L * 1024 * 1024;

    /** Rolled-over info logs kept, enough to diagnose the last incidents. */
    static final long KEPT_INFO_LOG_FILE_COUNT = 4;

    /** RocksDB's status text when this process already holds the directory's lock. */
    private static final String LOCK_HELD_BY_THIS_PROCESS = "lock hold by current process";

    /** RocksDB's status text when another process holds the directory's lock. */
    private static final String LOCK_HELD_BY_OTHER_PROCESS = "While lock file";

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final RocksDB database;
    private final NativeOptions nativeOptions;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Guarded by {@link #lifecycle}. */
    private boolean closed;

    private RocksStore(final Path directory, final RocksDB database, final NativeOptions nativeOptions) {
        this.directory = directory;
        this.database = database;
        this.nativeOptions = nativeOptions;
    }

    /**
     * Opens the store in {@code directory}, creating the directory and the database if missing.
     *
     * @throws IllegalStateException when another process, or another store in this process, has
     *     the directory open
     * @throws UncheckedIOException when the directory cannot be created or the database cannot be
     *     opened (for example it is corrupt)
     */
    public static RocksStore open(final Path directory) {
        Objects.requireNonNull(directory, "directory");
        // RocksDB spots a second open in this process by comparing path strings, so give it one
        // spelling per directory: otherwise a symlink or ".." would slip past its check, and the
        // POSIX lock on LOCK does not stop the same process twice.
        final Path realDirectory = createDirectories(directory);
        final NativeOptions nativeOptions = NativeOptions.create();
        try {
            return new RocksStore(directory, RocksDB.open(nativeOptions.options(), realDirectory.toString()), nativeOptions);
        } catch (final RocksDBException e) {
            nativeOptions.close();
            throw openFailure(directory, e);
        }
    }

    @Override
    public Optional<byte[]> get(final byte[] key) {
        Objects.requireNonNull(key, "key");
        return whileOpen("read", () -> Optional.ofNullable(database.get(nativeOptions.readOptions(), key)));
    }

    @Override
    public void write(final WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        runWhileOpen("write", () -> {
            try (org.rocksdb.WriteBatch nativeBatch = new org.rocksdb.WriteBatch()) {
                for (final WriteBatch.Entry entry : inKeyOrder(batch.entries())) {
                    if (entry.isDelete()) {
                        nativeBatch.delete(entry.key());
                    } else {
                        nativeBatch.put(entry.key(), entry.value());
                    }
                }
                database.write(nativeOptions.writeOptions(), nativeBatch);
            }
        });
    }

    /**
     * The entries sorted by key, ties kept in batch order (a stable sort, so the later operation on a key still
     * wins). The memtable is a skip list: inserting a ledger's thousands of hash-keyed entries in key order lets each
     * insert continue from the previous one instead of searching from the top, which cost more than the sort.
     */
    private static List<WriteBatch.Entry> inKeyOrder(final List<WriteBatch.Entry> entries) {
        final List<WriteBatch.Entry> sorted = new ArrayList<>(entries);
        sorted.sort((first, second) -> Arrays.compareUnsigned(first.key(), second.key()));
        return sorted;
    }

    @Override
    public void scan(final byte[] prefix, final byte[] startKey, final int limit, final EntryVisitor visitor) {
        final ScanRange range = ScanRange.of(prefix, startKey, limit);
        Objects.requireNonNull(visitor, "visitor");
        runWhileOpen("scan", () -> {
            try (ScanOptions scanOptions = ScanOptions.bounding(range);
                    RocksIterator iterator = database.newIterator(scanOptions.readOptions())) {
                int visited = 0;
                // The upper bound ends the iterator after the prefix's last key; without a bound (an
                // empty or all-0xFF prefix) every key from the seek key on has the prefix.
                for (iterator.seek(range.seekKey()); iterator.isValid() && visited < range.limit(); iterator.next()) {
                    visited++;
                    if (!visitor.visit(iterator.key(), iterator.value())) {
                        break;
                    }
                }
                // An iterator that hit a read error just stops being valid; status() turns that into an exception.
                iterator.status();
            }
        });
    }

    /**
     * The approximate bytes the store occupies: live table files on disk plus memtables in memory.
     * Cheap (two in-memory counters), for metrics.
     */
    public long approximateSizeBytes() {
        return whileOpen("size query", () -> database.getLongProperty("rocksdb.live-sst-files-size")
                + database.getLongProperty("rocksdb.cur-size-all-mem-tables"));
    }

    /** The value of a RocksDB property such as {@code rocksdb.block-cache-capacity}; for tests that check the options. */
    long longProperty(final String name) {
        return whileOpen("property query", () -> database.getLongProperty(name));
    }

    @Override
    public void close() {
        if (lifecycle.getReadHoldCount() > 0) {
            throw new IllegalStateException("close called from inside a scan visitor of the same store");
        }
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                database.closeE();
            } catch (final RocksDBException e) {
                throw failure("close", e);
            } finally {
                nativeOptions.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "RocksStore[" + directory + "]";
    }

    private <T> T whileOpen(final String action, final RocksCall<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("store is closed");
            }
            return call.run();
        } catch (final RocksDBException e) {
            throw failure(action, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void runWhileOpen(final String action, final RocksTask task) {
        whileOpen(action, () -> {
            task.run();
            return Boolean.TRUE;
        });
    }

    /** Read options for every read: checksums verified so corruption surfaces, blocks cached for the next read. */
    private static ReadOptions newReadOptions() {
        return new ReadOptions().setVerifyChecksums(true).setFillCache(true);
    }

    private UncheckedIOException failure(final String action, final RocksDBException cause) {
        return new UncheckedIOException(new IOException(
                "RocksDB " + action + " failed in " + directory + ": " + cause.getMessage(), cause));
    }

    /** Creates the directory if missing and returns its real path (absolute, symlinks resolved). */
    private static Path createDirectories(final Path directory) {
        try {
            return Files.createDirectories(directory).toRealPath();
        } catch (final IOException e) {
            throw new UncheckedIOException(new IOException("cannot create data directory " + directory + ": " + e, e));
        }
    }

    private static RuntimeException openFailure(final Path directory, final RocksDBException cause) {
        final String message = Objects.toString(cause.getMessage(), "");
        if (message.contains(LOCK_HELD_BY_OTHER_PROCESS)) {
            return new IllegalStateException("data directory " + directory + " is in use by another process", cause);
        }
        if (message.contains(LOCK_HELD_BY_THIS_PROCESS)) {
            return new IllegalStateException("data directory " + directory + " is already open in this process", cause);
        }
        return new UncheckedIOException(new IOException("cannot open RocksDB in " + directory + ": " + message, cause));
    }

    /** A RocksDB call that returns a value. */
    @FunctionalInterface
    private interface RocksCall<T> {
        T run() throws RocksDBException;
    }

    /** A RocksDB call run for its effect. */
    @FunctionalInterface
    private interface RocksTask {
        void run() throws RocksDBException;
    }

    /** The native option objects a database needs for its whole life; closed only after the database. */
    private record NativeOptions(
            LRUCache blockCache, BloomFilter bloomFilter, Options options, WriteOptions writeOptions, ReadOptions readOptions) {

        static NativeOptions create() {
            final LRUCache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
            final BloomFilter bloomFilter = new BloomFilter(BLOOM_FILTER_BITS_PER_KEY);
            final BlockBasedTableConfig tableConfig = new BlockBasedTableConfig()
                    .setBlockCache(blockCache)
                    .setFilterPolicy(bloomFilter)
                    .setWholeKeyFiltering(true)
                    .setCacheIndexAndFilterBlocks(true)
                    .setPinL0FilterAndIndexBlocksInCache(true);
            final Options options = new Options()
                    .setCreateIfMissing(true)
                    .setErrorIfExists(false)
                    .setParanoidChecks(true)
                    .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
                    .setManualWalFlush(false)
                    .setUseFsync(false)
                    .setMaxOpenFiles(MAX_OPEN_FILES)
                    .setMaxBackgroundJobs(MAX_BACKGROUND_JOBS)
                    .setWriteBufferSize(WRITE_BUFFER_BYTES)
                    .setMaxWriteBufferNumber(MAX_WRITE_BUFFER_COUNT)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setInfoLogLevel(InfoLogLevel.INFO_LEVEL)
                    .setMaxLogFileSize(MAX_INFO_LOG_FILE_BYTES)
                    .setKeepLogFileNum(KEPT_INFO_LOG_FILE_COUNT)
                    .setTableFormatConfig(tableConfig);
            final WriteOptions writeOptions = new WriteOptions()
                    .setSync(true)
                    .setDisableWAL(false)
                    .setNoSlowdown(false);
            return new NativeOptions(blockCache, bloomFilter, options, writeOptions, newReadOptions());
        }

        /** Releases the handles in the reverse order of their dependencies. */
        void close() {
            readOptions.close();
            writeOptions.close();
            options.close();
            bloomFilter.close();
            blockCache.close();
        }
    }

    /** Read options for one scan, with an upper bound at the prefix's end so deleted keys past it are never read. */
    private record ScanOptions(ReadOptions readOptions, Optional<Slice> upperBound) implements AutoCloseable {

        static ScanOptions bounding(final ScanRange range) {
            final Optional<Slice> upperBound = range.upperBound().map(Slice::new);
            final ReadOptions readOptions = newReadOptions();
            upperBound.ifPresent(readOptions::setIterateUpperBound);
            return new ScanOptions(readOptions, upperBound);
        }

        @Override
        public void close() {
            readOptions.close();
            upperBound.ifPresent(Slice::close);
        }
    }
}
