package org.banyan.node.consensus;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.banyan.consensus.CommitCertificateVerifier;
import org.banyan.consensus.Consensus;
import org.banyan.consensus.ConsensusConfig;
import org.banyan.consensus.MessageVerifier;
import org.banyan.consensus.SignState;
import org.banyan.consensus.SignatureVerifier;
import org.banyan.consensus.Timeouts;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.LedgerBatches;
import org.banyan.node.NodeMetrics;
import org.banyan.node.SubmissionItem;
import org.banyan.node.SubmissionPipeline;
import org.banyan.node.mempool.Mempool;
import org.banyan.p2p.P2pConfig;
import org.banyan.p2p.PeerNetwork;
import org.banyan.p2p.TransactionGossip;
import org.banyan.p2p.TransactionGossipConfig;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.SignedTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's part in a network: the peer links, transaction gossip and the consensus driver, wired together. The node
 * votes while its key is in the validator set and follows as a full node otherwise; the core decides that per height.
 */
public final class ConsensusService implements AutoCloseable {

    /** Name of the consensus directory inside the data directory, which holds the sign state. */
    public static final String CONSENSUS_DIRECTORY = "consensus";

    private static final Logger LOG = LoggerFactory.getLogger(ConsensusService.class);

    private final PeerNetwork network;
    private final TransactionGossip gossip;
    private final ConsensusDriver driver;
    private final ConsensusPeers peers;
    private final ScheduledExecutorService syncChecks;

    private ConsensusService(final PeerNetwork network, final TransactionGossip gossip, final ConsensusDriver driver,
                             final ConsensusPeers peers, final ScheduledExecutorService syncChecks) {
        this.network = network;
        this.gossip = gossip;
        this.driver = driver;
        this.peers = peers;
        this.syncChecks = syncChecks;
    }

    /** What a consensus node is made of besides its ledger. */
    public record Settings(PrivateKey nodeKey, PeerSettings peerSettings, Timeouts timeouts, Path dataDirectory) {
        public Settings {
            Objects.requireNonNull(nodeKey, "nodeKey");
            Objects.requireNonNull(peerSettings, "peerSettings");
            Objects.requireNonNull(timeouts, "timeouts");
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }
    }

    /**
     * Starts listening, dials the configured peers and starts consensus at the height after the last committed
     * ledger, from the persisted sign state.
     *
     * @throws IllegalStateException if the sign state is unreadable or the p2p address cannot be bound
     */
    public static ConsensusService start(final Settings settings, final Ledger ledger, final Mempool mempool,
                                         final SubmissionPipeline pipeline, final NodeMetrics metrics,
                                         final Clock clock) {
        final long chainId = ledger.chainId();
        final SignStateFile signStateFile = new SignStateFile(settings.dataDirectory().resolve(CONSENSUS_DIRECTORY));
        final SignState signState = signStateFile.read().orElse(SignState.EMPTY);
        final ValidatorSets validatorSets = new ValidatorSets(ledger);
        final InboundBytes inboundBytes = new InboundBytes();
        final ConsensusPeers peers = new ConsensusPeers(ledger, validatorSets,
            new MessageVerifier(chainId, SignatureVerifier.PUBLIC_KEY), inboundBytes, metrics);
        final TransactionGossip gossip = new TransactionGossip(TransactionGossipConfig.defaults(),
            transaction -> admit(pipeline, ledger, transaction), peers::broadcastExcept);
        final AdmittedPeers admission = new AdmittedPeers(ledger, validatorSets,
            settings.peerSettings().observers());
        final PeerNetwork network;
        try {
            network = PeerNetwork.start(P2pConfig.defaults(chainId)
                    .withBind(settings.peerSettings().host(), settings.peerSettings().port()),
                settings.nodeKey(), admission, peers, () -> ledger.lastHeader().getSeq());
        } catch (final RuntimeException e) {
            gossip.close();
            peers.close();
            throw e;
        }
        final ConsensusDriver driver = new ConsensusDriver(
            new Consensus(new ConsensusConfig(chainId, Optional.of(settings.nodeKey()), settings.timeouts())),
            ledger, mempool, new BlockContents(ledger, mempool, clock, validatorSets), validatorSets, signStateFile,
            new CommitCertificateVerifier(chainId, SignatureVerifier.PUBLIC_KEY), network::broadcast,
            height -> {
                if (admission.refresh()) {
                    network.disconnectUnadmitted();
                }
            }, inboundBytes, metrics);
        peers.attach(network, driver, gossip);
        metrics.registerConsensus(driver::currentRound, () -> network.peers().size(), network,
            gossip);
        settings.peerSettings().peers().forEach(peer -> network.connect(peer.host(), peer.port(), Optional.empty()));
        final ScheduledExecutorService syncChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "block-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncChecks.scheduleWithFixedDelay(peers::requestSyncIfBehind, ConsensusPeers.SYNC_REQUEST_INTERVAL_MILLIS,
            ConsensusPeers.SYNC_REQUEST_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        driver.start(ChainTip.startPoint(ledger, validatorSets, signState));
        LOG.info("Consensus node {} listening for peers on {}:{}, starting at height {}", network.localAddress(),
            settings.peerSettings().host(), network.localPort(), ledger.lastHeader().getSeq() + 1);
        return new ConsensusService(network, gossip, driver, peers, syncChecks);
    }

    /**
     * Admits a gossiped transaction. Before its signatures are checked, a cheap look rules out one whose account has
     * committed its nonce already (a proposal carried it here first): under a backlog much of the gossip is such,
     * and checking it again would take the CPU that consensus needs.
     */
    private static boolean admit(final SubmissionPipeline pipeline, final Ledger ledger,
                                 final SignedTransaction transaction) {
        final byte[] blob = transaction.getBlob().toByteArray();
        try {
            if (LedgerBatches.isStale(ledger, Transaction.parseFrom(blob))) {
                return false;
            }
        } catch (final InvalidProtocolBufferException e) {
            return false;
        }
        return pipeline.submit(List.of(new SubmissionItem.Envelope(blob, transaction.getSignaturesList())))
            .get(0).error().isEmpty();
    }

    /** Gossips transactions this node accepted from its API, so that whichever validator proposes includes them. */
    public void announce(final List<VerifiedTransaction> accepted) {
        for (final VerifiedTransaction transaction : accepted) {
            gossip.announceLocal(BlockContents.envelopeOf(transaction));
        }
        driver.transactionsArrived();
    }

    /** The BID address this node is known by on its links. */
    public String nodeAddress() {
        return network.localAddress();
    }

    /** The port this node listens on for peers. */
    public int p2pPort() {
        return network.localPort();
    }

    /** Peers connected now. */
    public int peersConnected() {
        return network.peers().size();
    }

    /** Whether consensus runs; false after it stopped on a failure (see {@link #stopReason()}). */
    public boolean isRunning() {
        return driver.isRunning();
    }

    /** Why consensus stopped on its own, if it did. */
    public Optional<String> stopReason() {
        return driver.stopReason();
    }

    /** Stops consensus first (nothing more is signed or committed), then the links and gossip. */
    @Override
    public void close() {
        syncChecks.shutdownNow();
        driver.close();
        network.close();
        gossip.close();
        peers.close();
    }
}
