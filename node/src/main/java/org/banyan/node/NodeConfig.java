package org.banyan.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.banyan.consensus.RoundTimeout;
import org.banyan.consensus.Timeouts;
import org.banyan.node.consensus.PeerSettings;
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
 *   "verifier_threads": <the number of cores>,
 *   "node_key": "node-key.json",
 *   "p2p": {"host": "127.0.0.1", "port": 19344, "peers": ["127.0.0.1:19346"], "observers": []},
 *   "consensus": {"timeout_propose_millis": 3000, "timeout_prevote_millis": 500, "timeout_precommit_millis": 500,
 *                 "timeout_increase_millis": 500, "timeout_max_millis": 10000, "timeout_commit_millis": 1},
 *   "credentials": {"issuer_key": "issuer-key.json", "issuer_method": "did:bid:ef…#key-1"}
 * }
 * }</pre>
 *
 * <p>Without {@code p2p} the node runs solo and closes ledgers on its own timer (dev mode). With {@code p2p} it runs
 * BFT consensus with its peers and needs {@code node_key} (a key file {@code {"address","public_key","private_key"}});
 * it votes while that key's address is in the validator set and follows as a full node otherwise.
 *
 * <p>With {@code credentials.issuer_key} the node issues credentials at {@code POST /credentials/issue} with that key
 * ({@link IssuerSettings}); without it, issuing answers 501 while verifying works.
 *
 * @param dataDirectory where the ledger store lives (RocksDB in {@code ledger/} beneath it)
 * @param genesisFile the chain's genesis file
 * @param httpPort 0 picks a free port
 * @param verifierThreads threads verifying signatures; defaults to the number of cores
 * @param nodeKeyFile the node's key file; required with {@code p2p}
 * @param p2p present to run consensus with peers, absent to run solo
 * @param consensusTimeouts the consensus round timers; used only with {@code p2p}
 * @param issuer the credential issuer, if the node issues credentials
 */
public record NodeConfig(Path dataDirectory, Path genesisFile, StorageKind storage, String httpHost, int httpPort,
                         LedgerTiming timing, MempoolLimits mempool, int verifierThreads, Optional<Path> nodeKeyFile,
                         Optional<PeerSettings> p2p, Timeouts consensusTimeouts, Optional<IssuerSettings> issuer) {

    /** Loopback by default: exposing the API is an operator's explicit choice. */
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    /** The HTTP port when the config names none; the same as {@code banyan dev}'s. */
    public static final int DEFAULT_HTTP_PORT = 19333;

    /** The p2p port when the {@code p2p} object names none. */
    public static final int DEFAULT_P2P_PORT = 19344;

    /**
     * Pause after a commit before the next height. Under load every millisecond here is lost throughput (100 ms was
     * about a tenth of a height at 1,500 payments/s on 4 validators); an idle network is held back by the driver's
     * 1 s idle pause instead, which hooks into this timer, so the pause is the smallest that still runs through it.
     */
    public static final long DEFAULT_COMMIT_TIMEOUT_MILLIS = 1;

    /**
     * How long a validator waits for round 0's proposal. A healthy proposer's block arrives in milliseconds; the wait
     * matters only when a large block must be built, sent and checked by busy validators, and giving up too early
     * then costs a whole round (CometBFT waits 3 s too).
     */
    public static final long DEFAULT_PROPOSE_TIMEOUT_MILLIS = 3_000;

    /** The core's default timers with the propose wait and commit pause above. */
    public static final Timeouts DEFAULT_TIMEOUTS = new Timeouts(
        new RoundTimeout(DEFAULT_PROPOSE_TIMEOUT_MILLIS, Timeouts.DEFAULT.propose().perRoundMillis()),
        Timeouts.DEFAULT.prevote(), Timeouts.DEFAULT.precommit(), DEFAULT_COMMIT_TIMEOUT_MILLIS,
        Timeouts.DEFAULT.capMillis());

    private static final Set<String> FIELDS = Set.of("data_directory", "genesis", "storage", "http", "ledger",
        "mempool", "verifier_threads", "node_key", "p2p", "consensus", "credentials");

    public NodeConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(genesisFile, "genesisFile");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(mempool, "mempool");
        Objects.requireNonNull(nodeKeyFile, "nodeKeyFile");
        Objects.requireNonNull(p2p, "p2p");
        Objects.requireNonNull(consensusTimeouts, "consensusTimeouts");
        Objects.requireNonNull(issuer, "issuer");
        if (p2p.isPresent() && nodeKeyFile.isEmpty()) {
            throw new IllegalArgumentException("a node with p2p needs a node_key file");
        }
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("the HTTP port must be from 0 to 65535 but is " + httpPort);
        }
        if (verifierThreads < 1) {
            throw new IllegalArgumentException("verifier_threads must be at least 1 but is " + verifierThreads);
        }
    }

    /** A solo node's config, as before consensus existed. */
    public NodeConfig(final Path dataDirectory, final Path genesisFile, final StorageKind storage, final String httpHost,
                      final int httpPort, final LedgerTiming timing, final MempoolLimits mempool,
                      final int verifierThreads) {
        this(dataDirectory, genesisFile, storage, httpHost, httpPort, timing, mempool, verifierThreads,
            Optional.empty(), Optional.empty(), DEFAULT_TIMEOUTS, Optional.empty());
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
        final Optional<Path> nodeKey = json.optionalText("node_key").map(base::resolve);
        final ConfigJson credentials = json.object("credentials");
        credentials.rejectUnknownFields(Set.of("issuer_key", "issuer_method"));
        final Optional<IssuerSettings> issuer = credentials.optionalText("issuer_key")
            .map(keyFile -> new IssuerSettings(base.resolve(keyFile), credentials.optionalText("issuer_method")));
        try {
            final Optional<PeerSettings> p2p = json.has("p2p") ? Optional.of(peerSettings(json.object("p2p")))
                : Optional.empty();
            return new NodeConfig(dataDirectory, genesisFile, storage, host, port,
                new LedgerTiming(closeInterval, idleCloseInterval),
                new MempoolLimits(maxTransactions, maxPerAccount, expiry), verifierThreads, nodeKey, p2p,
                timeouts(json.object("consensus")), issuer);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(json.source() + ": " + e.getMessage(), e);
        }
    }

    private static PeerSettings peerSettings(final ConfigJson p2p) {
        p2p.rejectUnknownFields(Set.of("host", "port", "peers", "observers"));
        final List<PeerSettings.PeerEndpoint> peers = new ArrayList<>();
        for (final JsonNode peer : p2p.array("peers")) {
            if (!peer.isTextual()) {
                throw p2p.invalid("peers", "an array of \"host:port\" strings");
            }
            peers.add(PeerSettings.PeerEndpoint.parse(peer.textValue()));
        }
        final List<String> observers = new ArrayList<>();
        for (final JsonNode observer : p2p.array("observers")) {
            if (!observer.isTextual()) {
                throw p2p.invalid("observers", "an array of BID addresses");
            }
            observers.add(observer.textValue());
        }
        return new PeerSettings(p2p.optionalText("host").orElse(DEFAULT_HTTP_HOST),
            p2p.optionalInt("port").orElse(DEFAULT_P2P_PORT), peers, observers);
    }

    /** The consensus timers; an increase given once applies to all three round timers. */
    private static Timeouts timeouts(final ConfigJson consensus) {
        consensus.rejectUnknownFields(Set.of("timeout_propose_millis", "timeout_prevote_millis",
            "timeout_precommit_millis", "timeout_increase_millis", "timeout_max_millis", "timeout_commit_millis"));
        final Timeouts defaults = DEFAULT_TIMEOUTS;
        final Optional<Long> increase = consensus.optionalLong("timeout_increase_millis");
        return new Timeouts(
            roundTimeout(consensus, "timeout_propose_millis", defaults.propose(), increase),
            roundTimeout(consensus, "timeout_prevote_millis", defaults.prevote(), increase),
            roundTimeout(consensus, "timeout_precommit_millis", defaults.precommit(), increase),
            consensus.optionalLong("timeout_commit_millis").orElse(DEFAULT_COMMIT_TIMEOUT_MILLIS),
            consensus.optionalLong("timeout_max_millis").orElse(defaults.capMillis()));
    }

    private static RoundTimeout roundTimeout(final ConfigJson consensus, final String field,
                                             final RoundTimeout defaults, final Optional<Long> increase) {
        return new RoundTimeout(consensus.optionalLong(field).orElse(defaults.baseMillis()),
            increase.orElse(defaults.perRoundMillis()));
    }

    /** Whether this node runs consensus with peers rather than solo. */
    public boolean runsConsensus() {
        return p2p.isPresent();
    }

    /** One verifier per core: signature checks are pure CPU. */
    public static int defaultVerifierThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The same config with another HTTP port. */
    public NodeConfig withHttpPort(final int port) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, port, timing, mempool, verifierThreads,
            nodeKeyFile, p2p, consensusTimeouts, issuer);
    }

    /** The same config with another storage kind. */
    public NodeConfig withStorage(final StorageKind kind) {
        return new NodeConfig(dataDirectory, genesisFile, kind, httpHost, httpPort, timing, mempool, verifierThreads,
            nodeKeyFile, p2p, consensusTimeouts, issuer);
    }

    /** The same config with other ledger timing. */
    public NodeConfig withTiming(final LedgerTiming ledgerTiming) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, httpPort, ledgerTiming, mempool,
            verifierThreads, nodeKeyFile, p2p, consensusTimeouts, issuer);
    }

    /** The same config with other mempool caps. */
    public NodeConfig withMempool(final MempoolLimits limits) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, httpPort, timing, limits, verifierThreads,
            nodeKeyFile, p2p, consensusTimeouts, issuer);
    }

    /** The same config running consensus with peers, with this key file and these timers. */
    public NodeConfig withConsensus(final Path keyFile, final PeerSettings peerSettings, final Timeouts timeouts) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, httpPort, timing, mempool, verifierThreads,
            Optional.of(keyFile), Optional.of(peerSettings), timeouts, issuer);
    }

    /** The same config issuing credentials as {@code settings} says. */
    public NodeConfig withIssuer(final IssuerSettings settings) {
        return new NodeConfig(dataDirectory, genesisFile, storage, httpHost, httpPort, timing, mempool, verifierThreads,
            nodeKeyFile, p2p, consensusTimeouts, Optional.of(settings));
    }
}
