package org.banyan.node;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.banyan.credentials.CredentialSigner;
import org.banyan.credentials.CredentialsApi;
import org.banyan.credentials.Cryptosuite;
import org.banyan.credentials.VerificationMethodResolver;
import org.banyan.crypto.Address;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.resolution.BidDirectory;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.api.HttpApi;
import org.banyan.node.consensus.ConsensusService;
import org.banyan.node.consensus.NodeKeyFile;
import org.banyan.node.identity.BidVerificationMethods;
import org.banyan.node.identity.NodeRecords;
import org.banyan.node.identity.RecordCache;
import org.banyan.node.identity.RecursiveDirectory;
import org.banyan.node.identity.RegistryRevocationCheck;
import org.banyan.node.mempool.Mempool;
import org.banyan.store.KeyValueStore;
import org.banyan.store.MemoryStore;
import org.banyan.store.RocksStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the ledger over its store (with the chain's system contracts, {@link ChainContracts}), the mempool,
 * either the solo ledger closer thread or BFT consensus with peers (when the config has {@code p2p}), the submission
 * pipeline, the BID resolver and the credentials API, and the HTTP API, wired together. {@link #close()}
 * stops them in the safe order: stop accepting requests, finish the close or commit in progress, stop the verifiers,
 * and close the store last.
 */
public final class Node implements AutoCloseable {

    /** Name of the RocksDB directory inside the data directory. */
    public static final String LEDGER_DIRECTORY = "ledger";

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final KeyValueStore store;
    private final Ledger ledger;
    private final Mempool mempool;
    private final Optional<LedgerCloser> closer;
    private final Optional<ConsensusService> consensus;
    private final SubmissionPipeline pipeline;
    private final HttpApi api;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Node(final KeyValueStore store, final Ledger ledger, final Mempool mempool,
                 final Optional<LedgerCloser> closer, final Optional<ConsensusService> consensus,
                 final SubmissionPipeline pipeline, final HttpApi api) {
        this.store = store;
        this.ledger = ledger;
        this.mempool = mempool;
        this.closer = closer;
        this.consensus = consensus;
        this.pipeline = pipeline;
        this.api = api;
    }

    /** Starts a node with the genesis named in its config. */
    public static Node start(final NodeConfig config, final Clock clock) {
        return start(config, GenesisConfig.load(config.genesisFile()), clock);
    }

    /**
     * Starts a node: opens (or creates) the ledger, starts closing ledgers and serves HTTP. The clock supplies ledger
     * close times, mempool arrival times, credential verification times and resolver cache expiry.
     */
    public static Node start(final NodeConfig config, final ChainGenesis chain, final Clock clock) {
        Objects.requireNonNull(config, "config");
        return start(config, chain, clock, openStore(config));
    }

    /** Starts a node over a store the caller opened; the node closes it. Tests use this to inject store failures. */
    static Node start(final NodeConfig config, final ChainGenesis chain, final Clock clock, final KeyValueStore store) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(clock, "clock");
        Optional<LedgerCloser> closer = Optional.empty();
        Optional<ConsensusService> consensus = Optional.empty();
        SubmissionPipeline pipeline = null;
        try {
            final Ledger ledger = Ledger.open(store, chain.genesis(), ChainContracts.of(chain));
            final Mempool mempool = new Mempool(config.mempool());
            final NodeMetrics metrics = new NodeMetrics(() -> ledger.lastHeader().getSeq(), mempool::size);
            // Accepted transactions wake the closer (solo) or are gossiped (consensus); the target is set below.
            final AtomicReference<Consumer<List<VerifiedTransaction>>> onAccepted =
                new AtomicReference<>(accepted -> { });
            pipeline = new SubmissionPipeline(ledger, mempool, clock, metrics, config.verifierThreads(),
                accepted -> onAccepted.get().accept(accepted), ChainContracts::prepare);
            if (config.runsConsensus()) {
                final ConsensusService service = ConsensusService.start(new ConsensusService.Settings(
                        NodeKeyFile.read(config.nodeKeyFile().orElseThrow()), config.p2p().orElseThrow(),
                        config.consensusTimeouts(), config.dataDirectory()),
                    ledger, mempool, pipeline, metrics, clock);
                consensus = Optional.of(service);
                onAccepted.set(service::announce);
            } else {
                final LedgerCloser solo = new LedgerCloser(ledger, mempool, clock, config.timing(), metrics);
                closer = Optional.of(solo);
                onAccepted.set(accepted -> solo.transactionsArrived());
                solo.start();
            }
            final RecursiveDirectory directory = new RecursiveDirectory(chain.acCode(), new BidDirectory(ledger)::find,
                new NodeRecords()::find, new RecordCache(), clock);
            final CredentialsApi credentials = new CredentialsApi(config.issuer().map(Node::issuer),
                Cryptosuite.EDDSA_RDFC_2022, VerificationMethodResolver.byDidMethod(Map.of(
                    "key", VerificationMethodResolver.didKey(), "bid", new BidVerificationMethods(directory::find))),
                new RegistryRevocationCheck(ledger::query));
            final HttpApi api = HttpApi.start(config.httpHost(), config.httpPort(), ledger, mempool, pipeline, metrics,
                directory, credentials, clock);
            LOG.info("Node started: chain {}{}, last ledger {}, {} storage, {}, HTTP on {}:{}", ledger.chainId(),
                chain.acCode().map(code -> " (sub-chain " + code + ")").orElse(""),
                ledger.lastHeader().getSeq(), config.storage().configName(),
                consensus.map(service -> "consensus as " + service.nodeAddress() + " on p2p port "
                    + service.p2pPort()).orElse("solo"), config.httpHost(), api.port());
            return new Node(store, ledger, mempool, closer, consensus, pipeline, api);
        } catch (final RuntimeException e) {
            consensus.ifPresent(ConsensusService::close);
            closer.ifPresent(LedgerCloser::close);
            if (pipeline != null) {
                pipeline.close();
            }
            store.close();
            throw e;
        }
    }

    /** The signer of the configured issuer key: its key file's address is the issuer, by default with {@code #key-1}. */
    private static CredentialSigner issuer(final IssuerSettings settings) {
        final ConfigJson keyFile = ConfigJson.read(settings.keyFile());
        final PrivateKey key = PrivateKey.parse(keyFile.requiredText("private_key"));
        final String address = keyFile.requiredText("address");
        final Address parsed = Address.parse(address);
        final String derived = parsed.acCode().map(code -> key.publicKey().address(code))
            .orElseGet(() -> key.publicKey().address()).toString();
        if (!derived.equals(address)) {
            throw new IllegalArgumentException(settings.keyFile() + ": the address " + address
                + " does not belong to its private key, whose address is " + derived);
        }
        return new CredentialSigner(address, settings.verificationMethod().orElse(address + "#key-1"), key);
    }

    private static KeyValueStore openStore(final NodeConfig config) {
        return switch (config.storage()) {
            case ROCKSDB -> RocksStore.open(config.dataDirectory().resolve(LEDGER_DIRECTORY));
            case MEMORY -> new MemoryStore();
        };
    }

    /** The port the HTTP API listens on. */
    public int httpPort() {
        return api.port();
    }

    /** The chain state. */
    public Ledger ledger() {
        return ledger;
    }

    /** The pending transactions. */
    public Mempool mempool() {
        return mempool;
    }

    /** The solo ledger closer, for waiting on ledgers; empty when the node runs consensus. */
    public Optional<LedgerCloser> closer() {
        return closer;
    }

    /** The consensus part; empty when the node runs solo. */
    public Optional<ConsensusService> consensus() {
        return consensus;
    }

    /** Stops the node; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.close();
        closer.ifPresent(LedgerCloser::close);
        consensus.ifPresent(ConsensusService::close);
        pipeline.close();
        store.close();
        LOG.info("Node stopped at ledger {}", ledger.lastHeader().getSeq());
    }
}
