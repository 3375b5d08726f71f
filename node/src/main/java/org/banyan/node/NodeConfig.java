package org.banyan.node;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.banyan.node.mempool.MempoolLimits;

/**
 * How to run a node. Read from a JSON file by {@link #load}; relative paths in the file count from the file's
 * directory. Every field but {@code genesis} has a default:
 *
 * <pre>{@code
 * {
 *   "data_directory": "data",
 *   "genesis": "genesis.json",
 *   "storage": "rocksdb",
 *   "http": {"host": "127.0.0.1", "port": 19333},
 *   "ledger": {"close_interval_millis": 1000, "idle_close_interval_millis": 60000},
 *   "mempool": {"max_transactions": 100000, "max_transactions_per_account": 10000, "expiry_millis": 600000},
 *   "verifier_threads": <the number of cores>
 * }
 * }</pre>
 *
 * @param dataDirectory where the ledger store lives (RocksDB in {@code ledger/} beneath it)
 * @param genesisFile the chain's genesis file
 * @param httpPort 0 picks a free port
 * @param verifierThreads threads verifying signatures; defaults to the number of cores
 */
public record NodeConfig(Path dataDirectory, Path genesisFile, StorageKind storage, String httpHost, int httpPort,
                         LedgerTiming timing, MempoolLimits mempool, int verifierThreads) {

    /** Loopback by default: exposing the API is an operator's explicit choice. */
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    /** The HTTP port when the config names none; the same as {@code banyan dev}'s. */
    public static final int DEFAULT_HTTP_PORT = 19333;

    private static final Set<String> FIELDS =
        Set.of("data_directory", "genesis", "storage", "http", "ledger", "mempool", "verifier_threads");

    public NodeConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(genesisFile, "genesisFile");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(mempool, "mempool");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("the HTTP port must be from 0 to 65535 but is " + httpPort);
        }
        if (verifierThreads < 1) {
            throw new IllegalArgumentException("verifier_threads must be at least 1 but is " + verifierThreads);
        }
    }

    /** A config with every default, for the given data directory and genesis file. */
    public static NodeConfig defaults(final Path dataDirectory, final Path genesisFile) {
        return new NodeConfig(dataDirectory, genesisFile, StorageKind.ROCKSDB, DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT,
            LedgerTiming.DEFAULTS, MempoolLimits.DEFAULTS, defaultVerifierThreads());
    }

    /** Reads a config file. */
    public static NodeConfig load(final Path file) {
        final Path base = file.toAbsolutePath().getParent();
        final ConfigJson json = ConfigJson.read(file);
        json.rejectUnknownFields(FIELDS);
        final ConfigJson http = json.object("http");
        http.rejectUnknownFields(Set.of("host", "port"));
        final ConfigJson ledger = json.object("ledger");
        ledger.rejectUnknownFields(Set.of("close_interval_millis", "idle_close_interval_millis"));
        final ConfigJson mempool = json.object("mempool");
        mempool.rejectUnknownFields(Set.of("max_transactions", "max_transactions_per_account", "expiry_millis"));
        final Path dataDirectory = base.resolve(json.optionalText("data_directory").orElse("data"));
        final Path genesisFile = base.resolve(json.requiredText("genesis"));
        final StorageKind storage = json.optionalText("storage").map(name -> {
            try {
                return StorageKind.fromConfigName(name);
            } catch (final IllegalArgumentException e) {
                throw json.invalid("storage", "\"rocksdb\" or \"memory\"");
            }
        }).orElse(StorageKind.ROCKSDB);
        final String host = http.optionalText("host").orElse(DEFAULT_HTTP_HOST);
        final int port = http.optionalInt("port").orElse(DEFAULT_HTTP_PORT);
        final long closeInterval =
            ledger.optionalLong("close_interval_millis").orElse(LedgerTiming.DEFAULT_CLOSE_INTERVAL_MILLIS);
        final long idleCloseInterval =
            ledger.optionalLong("idle_close_interval_millis").orElse(LedgerTiming.DEFAULT_IDLE_CLOSE_INTERVAL_MILLIS);
        final int maxTransactions = mempool.optionalInt("max_transactions").orElse(MempoolLimits.DEFAULT_MAX_TRANSACTIONS);
        final int maxPerAccount = mempool.optionalInt("max_transactions_per_account")
            .orElse(MempoolLimits.DEFAULT_MAX_TRANSACTIONS_PER_ACCOUNT);
        final long expiry = mempool.optionalLong("expiry_millis").orElse(MempoolLimits.DEFAULT_EXPIRY_MILLIS);
        final int verifierThreads = json.optionalInt("verifier_threads").orElse(defaultVerifierThreads());
        try {
            return new NodeConfig(dataDirectory, genesisFile, storage, host, port,
                new LedgerTiming(closeInterval, idleCloseInterval),
                new MempoolLimits(maxTransactions, maxPerAccount, expiry), verifierThreads);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(json.source() + ": " + e.getMessage(), e);
        }
    }

    /** One verifier per core: signature checks are pure CPU. */
    public static int defaultVerifierThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The same config with another HTTP port. */
    public NodeConfig withHttpPort(final int port) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, port, timing, mempool, verifierThreads);
    }

    /** The same config with another storage kind. */
    public NodeConfig withStorage(final StorageKind kind) {
        return new NodeConfig(dataDirectory, genesisFile, kind, httpHost, httpPort, timing, mempool, verifierThreads);
    }

    /** The same config with other ledger timing. */
    public NodeConfig withTiming(final LedgerTiming ledgerTiming) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, httpPort, ledgerTiming, mempool,
            verifierThreads);
    }

    /** The same config with other mempool caps. */
    public NodeConfig withMempool(final MempoolLimits limits) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, httpPort, timing, limits, verifierThreads);
    }
}
