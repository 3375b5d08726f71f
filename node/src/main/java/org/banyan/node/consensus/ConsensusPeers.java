package org.banyan.node.consensus;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.MessageVerifier;
import org.banyan.ledger.Ledger;
import org.banyan.node.NodeMetrics;
import org.banyan.p2p.ConnectedPeer;
import org.banyan.p2p.PeerMessageHandler;
import org.banyan.p2p.PeerNetwork;
import org.banyan.p2p.TransactionGossip;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.p2p.BlockRequest;
import org.banyan.protocol.p2p.BlockResponse;
import org.banyan.protocol.p2p.PeerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What peers send, routed: proposals and votes are signature-checked on a small bounded pool and handed to the
 * {@link ConsensusDriver}; transactions go to gossip (verified once, into the mempool, relayed); block requests are
 * served from the ledger; block responses go to the driver, which checks their certificates. It also runs block sync:
 * whenever a peer shows it has committed past this node (its Hello, or a message above the next height), this node
 * asks that peer for the blocks it lacks, at most every {@link #SYNC_REQUEST_INTERVAL_MILLIS} unless a full response
 * calls for the next batch.
 */
final class ConsensusPeers implements PeerMessageHandler, AutoCloseable {

    /** Messages waiting for a signature check; past it they are dropped and counted (peers retransmit). */
    static final int MAX_PENDING_VERIFICATIONS = 4_096;

    /** Blocks per sync response: enough to catch up quickly, small enough to verify between other inputs. */
    static final int MAX_BLOCKS_PER_RESPONSE = 32;

    /** Bytes of blocks per sync response; below the p2p frame cap so a response always fits one frame. */
    static final long MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

    /** Least time between two unsolicited sync requests, so a node behind does not flood its peers. */
    static final long SYNC_REQUEST_INTERVAL_MILLIS = 500;

    /** Threads checking consensus message signatures; a few messages per validator per round need little. */
    private static final int VERIFIER_THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ConsensusPeers.class);

    /** The parts created after this handler, which the network needs at its start. */
    private record Attached(PeerNetwork network, ConsensusDriver driver, TransactionGossip gossip) {
    }

    private final Ledger ledger;
    private final ValidatorSets validatorSets;
    private final MessageVerifier messageVerifier;
    private final NodeMetrics metrics;
    private final ThreadPoolExecutor verifiers;
    private final InboundBytes inboundBytes;
    private final AcceptedMessages accepted = new AcceptedMessages();
    private final Map<String, Long> peerHeights = new ConcurrentHashMap<>();
    private final AtomicLong lastSyncRequestNanos = new AtomicLong(System.nanoTime()
        - TimeUnit.MILLISECONDS.toNanos(SYNC_REQUEST_INTERVAL_MILLIS));
    private volatile Optional<Attached> attached = Optional.empty();

    ConsensusPeers(final Ledger ledger, final ValidatorSets validatorSets, final MessageVerifier messageVerifier,
                   final InboundBytes inboundBytes, final NodeMetrics metrics) {
        this.inboundBytes = Objects.requireNonNull(inboundBytes, "inboundBytes");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.validatorSets = Objects.requireNonNull(validatorSets, "validatorSets");
        this.messageVerifier = Objects.requireNonNull(messageVerifier, "messageVerifier");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        final AtomicInteger counter = new AtomicInteger();
        this.verifiers = new ThreadPoolExecutor(VERIFIER_THREADS, VERIFIER_THREADS, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING_VERIFICATIONS), runnable -> {
                final Thread thread = new Thread(runnable, "consensus-verifier-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Connects the handler to the parts it feeds; messages that arrive before are dropped. */
    void attach(final PeerNetwork network, final ConsensusDriver driver, final TransactionGossip gossip) {
        attached = Optional.of(new Attached(network, driver, gossip));
    }

    /** Relays to every peer but one; gossip's relay. */
    void broadcastExcept(final PeerMessage message, final Optional<String> exceptPeerAddress) {
        attached.ifPresent(parts -> parts.network().broadcastExcept(message, exceptPeerAddress));
    }

    @Override
    public void onMessage(final String peerAddress, final PeerMessage message) {
        final Optional<Attached> parts = attached;
        if (parts.isEmpty()) {
            return;
        }
        switch (message.getBodyCase()) {
            case TRANSACTIONS -> parts.get().gossip().receive(peerAddress, message.getTransactions());
            case PROPOSAL -> verifyAndOffer(peerAddress, new ConsensusMessage.ProposalMessage(message.getProposal()),
                parts.get());
            case VOTE -> verifyAndOffer(peerAddress, new ConsensusMessage.VoteMessage(message.getVote()), parts.get());
            case COMMIT_CERTIFICATE -> noteHeight(peerAddress, message.getCommitCertificate().getHeight());
            case BLOCK_REQUEST -> serveLater(peerAddress, message.getBlockRequest(), parts.get());
            case BLOCK_RESPONSE -> receiveBlocks(peerAddress, message.getBlockResponse(), parts.get());
            default -> metrics.consensusInputIgnored("unused_message");
        }
    }

    @Override
    public void onPeerConnected(final ConnectedPeer peer) {
        noteHeight(peer.address(), peer.hello().getHeight());
    }

    @Override
    public void onPeerDisconnected(final String peerAddress) {
        peerHeights.remove(peerAddress);
    }

    /** Asks the most advanced peer for blocks if this node is behind it; called periodically. */
    void requestSyncIfBehind() {
        final long last = ledger.lastHeader().getSeq();
        peerHeights.entrySet().stream()
            .filter(entry -> entry.getValue() > last)
            .max(Map.Entry.comparingByValue())
            .ifPresent(entry -> requestBlocks(entry.getKey(), last + 1, false));
    }

    private void verifyAndOffer(final String peerAddress, final ConsensusMessage message, final Attached parts) {
        final long height = message.height();
        final long last = ledger.lastHeader().getSeq();
        if (height > last + 1) {
            // The sender has committed height - 1, or it would not be here.
            noteHeight(peerAddress, height - 1);
        }
        if (height <= last) {
            metrics.consensusInputIgnored("height_committed");
            return;
        }
        if (!validatorSets.isKnown(height)) {
            metrics.consensusInputIgnored("height_too_far_ahead");
            return;
        }
        final ByteString signature = signatureOf(message);
        if (accepted.contains(parts.driver().position(), signature)) {
            metrics.consensusInputIgnored("duplicate");
            return;
        }
        final long bytes = sizeOf(message);
        if (!inboundBytes.tryReserve(bytes)) {
            metrics.consensusInputIgnored("inbound_bytes_full");
            return;
        }
        try {
            verifiers.execute(() -> verifyAndOffer(message, signature, bytes, parts, peerAddress));
        } catch (final RejectedExecutionException e) {
            inboundBytes.release(bytes);
            metrics.consensusInputIgnored("verification_queue_full");
        }
    }

    /** On a verifier thread: the reserved bytes pass to the driver with the message, or are given back here. */
    private void verifyAndOffer(final ConsensusMessage message, final ByteString signature, final long bytes,
                                final Attached parts, final String peerAddress) {
        boolean offered = false;
        try {
            if (!messageVerifier.verify(message, validatorSets.at(message.height())).isAccepted()) {
                metrics.consensusInputIgnored("bad_signature");
            } else {
                final long position = parts.driver().position();
                offered = parts.driver().offerMessage(message, bytes);
                if (offered) {
                    accepted.add(position, signature);
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} from {}", offered ? "accepted" : "queue full for", PeerMessages.describe(message),
                        peerAddress);
                }
            }
        } finally {
            if (!offered) {
                inboundBytes.release(bytes);
            }
        }
    }

    private static ByteString signatureOf(final ConsensusMessage message) {
        return message instanceof ConsensusMessage.ProposalMessage proposal
            ? proposal.proposal().getSignature() : ((ConsensusMessage.VoteMessage) message).vote().getSignature();
    }

    private static long sizeOf(final ConsensusMessage message) {
        return message instanceof ConsensusMessage.ProposalMessage proposal
            ? proposal.proposal().getSerializedSize()
            : ((ConsensusMessage.VoteMessage) message).vote().getSerializedSize();
    }

    private void noteHeight(final String peerAddress, final long height) {
        peerHeights.merge(peerAddress, height, Math::max);
        final long last = ledger.lastHeader().getSeq();
        if (height > last) {
            requestBlocks(peerAddress, last + 1, false);
        }
    }

    private void requestBlocks(final String peerAddress, final long fromHeight, final boolean continuation) {
        final long now = System.nanoTime();
        final long previous = lastSyncRequestNanos.get();
        if (!continuation && (now - previous < TimeUnit.MILLISECONDS.toNanos(SYNC_REQUEST_INTERVAL_MILLIS)
            || !lastSyncRequestNanos.compareAndSet(previous, now))) {
            return;
        }
        attached.ifPresent(parts -> parts.network().send(peerAddress, PeerMessage.newBuilder()
            .setBlockRequest(BlockRequest.newBuilder().setFromHeight(fromHeight)
                .setMaxBlocks(MAX_BLOCKS_PER_RESPONSE))
            .build()));
    }

    private void serveLater(final String peerAddress, final BlockRequest request, final Attached parts) {
        try {
            verifiers.execute(() -> parts.network().send(peerAddress, PeerMessage.newBuilder()
                .setBlockResponse(blocksFor(request)).build()));
        } catch (final RejectedExecutionException e) {
            metrics.consensusInputIgnored("verification_queue_full");
        }
    }

    /** The committed blocks a request asks for, within the block and byte caps. */
    BlockResponse blocksFor(final BlockRequest request) {
        final BlockResponse.Builder response = BlockResponse.newBuilder();
        final int wanted = Math.min(Math.max(request.getMaxBlocks(), 0), MAX_BLOCKS_PER_RESPONSE);
        final long last = ledger.lastHeader().getSeq();
        long bytes = 0;
        for (long height = Math.max(request.getFromHeight(), 2); height <= last
            && response.getBlocksCount() < wanted; height++) {
            final Optional<CommittedBlock> block = ledger.committedBlock(height);
            if (block.isEmpty()) {
                break;
            }
            bytes += block.get().getSerializedSize();
            if (bytes > MAX_RESPONSE_BYTES && response.getBlocksCount() > 0) {
                break;
            }
            response.addBlocks(block.get());
        }
        return response.build();
    }

    private void receiveBlocks(final String peerAddress, final BlockResponse response, final Attached parts) {
        if (response.getBlocksCount() == 0) {
            return;
        }
        final List<CommittedBlock> blocks = new ArrayList<>(response.getBlocksList());
        final long highest = blocks.get(blocks.size() - 1).getBlock().getHeight();
        peerHeights.merge(peerAddress, highest, Math::max);
        final long bytes = response.getSerializedSize();
        if (!inboundBytes.tryReserve(bytes)) {
            metrics.consensusInputIgnored("inbound_bytes_full");
            return;
        }
        if (!parts.driver().offerSyncedBlocks(blocks, bytes)) {
            inboundBytes.release(bytes);
            return;
        }
        if (blocks.size() >= MAX_BLOCKS_PER_RESPONSE) {
            requestBlocks(peerAddress, highest + 1, true);
        }
        LOG.debug("received {} blocks up to height {} from {}", blocks.size(), highest, peerAddress);
    }

    /** Stops the verifier threads. */
    @Override
    public void close() {
        verifiers.shutdownNow();
    }
}
