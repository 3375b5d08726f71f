package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.p2p.BlockRequest;
import org.banyan.protocol.p2p.Hello;
import org.banyan.protocol.p2p.PeerMessage;
import org.banyan.protocol.p2p.TransactionBatch;
import org.junit.jupiter.api.Test;

/** Real networks on loopback: TLS, handshakes, framing, caps and redials, observed from outside. */
class PeerNetworkTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static PeerMessage request(final long fromHeight) {
        return PeerMessage.newBuilder().setBlockRequest(BlockRequest.newBuilder().setFromHeight(fromHeight)).build();
    }

    /** A transaction message just under the frame cap. */
    private static PeerMessage large(final long nonce, final int maxFrameBytes) {
        return PeerMessage.newBuilder().setTransactions(TransactionBatch.newBuilder().addTransactions(
                SignedTransaction.newBuilder().setBlob(Transaction.newBuilder().setNonce(nonce)
                        .setMetadata(ByteString.copyFrom(new byte[maxFrameBytes - 64])).build().toByteString())))
                .build();
    }

    private static void awaitLinked(final TestNode first, final TestNode second) {
        await().atMost(WAIT).until(() -> first.isConnectedTo(second) && second.isConnectedTo(first));
    }

    @Test
    void threeNodesConnectAndExchangeMessages() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2, 3);
             TestNode b = TestNode.start(2, TestNode.CONFIG, 1, 3);
             TestNode c = TestNode.start(3, TestNode.CONFIG, 1, 2)) {
            b.connectTo(a);
            c.network.connect("127.0.0.1", a.port(), Optional.empty());
            c.connectTo(b);
            awaitLinked(a, b);
            awaitLinked(a, c);
            awaitLinked(b, c);

            assertThat(a.network.broadcast(request(1))).isEqualTo(2);
            assertThat(b.network.send(c.address(), request(2))).isEqualTo(SendOutcome.QUEUED);
            await().atMost(WAIT).until(() -> b.handler.received().size() == 1 && c.handler.received().size() == 2);
            assertThat(b.handler.receivedFrom(a.address())).extracting(RecordingHandler.Received::message)
                    .containsExactly(request(1));
            assertThat(c.handler.receivedFrom(a.address())).extracting(RecordingHandler.Received::message)
                    .containsExactly(request(1));
            assertThat(c.handler.receivedFrom(b.address())).extracting(RecordingHandler.Received::message)
                    .containsExactly(request(2));

            final ConnectedPeer bAtA = a.network.peers().stream()
                    .filter(peer -> peer.address().equals(b.address())).findFirst().orElseThrow();
            assertThat(bAtA.direction()).isEqualTo(LinkDirection.INBOUND);
            assertThat(bAtA.hello().getHeight()).isEqualTo(102);
            assertThat(bAtA.hello().getChainId()).isEqualTo(TestNode.CHAIN_ID);
            assertThat(bAtA.hello().getSoftware()).isEqualTo(P2pConfig.DEFAULT_SOFTWARE);
            assertThat(a.handler.connected()).extracting(ConnectedPeer::address)
                    .containsExactlyInAnyOrder(b.address(), c.address());
            final P2pMetrics metrics = a.network.metrics();
            assertThat(metrics.framesSent()).isGreaterThanOrEqualTo(4);
            assertThat(metrics.framesReceived()).isGreaterThanOrEqualTo(2);
            assertThat(metrics.bytesIn()).isPositive();
            assertThat(metrics.bytesOut()).isGreaterThan(metrics.framesSent());
            assertThat(metrics.framesRejected() + metrics.handshakesRejected() + metrics.messagesDropped()).isZero();
        }
    }

    @Test
    void peerNotAdmittedCannotConnectInEitherDirection() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG);
             TestNode outsider = TestNode.start(9, TestNode.CONFIG, 1)) {
            outsider.connectTo(a);
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() >= 1);
            a.connectTo(outsider);
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() >= 2);
            assertThat(a.network.peers()).isEmpty();
            assertThat(outsider.network.peers()).isEmpty();
            assertThat(a.handler.connected()).isEmpty();
            assertThat(outsider.handler.connected()).isEmpty();
        }
    }

    @Test
    void wrongChainIdIsRejectedByBothEnds() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2);
             TestNode b = TestNode.start(2, P2pConfig.defaults(TestNode.CHAIN_ID + 1), 1)) {
            b.connectTo(a);
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() >= 1
                    && b.network.metrics().handshakesRejected() >= 1);
            assertThat(a.network.peers()).isEmpty();
            assertThat(b.network.peers()).isEmpty();
        }
    }

    @Test
    void disjointProtocolVersionsAreRejected() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2);
             TestNode b = TestNode.start(2, TestNode.CONFIG.withProtocolVersions(2, 3), 1)) {
            b.connectTo(a);
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() >= 1
                    && b.network.metrics().handshakesRejected() >= 1);
            assertThat(a.network.peers()).isEmpty();
            assertThat(b.network.peers()).isEmpty();
        }
    }

    @Test
    void peerClaimingAnotherNodeAddressIsRejected() throws Exception {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2, 3);
             RawPeer impostor = RawPeer.tls(TestKeys.ed25519(3), a.port())) {
            final PeerMessage reply = impostor.greet(TestKeys.address(2));
            assertThat(reply.getHello().getNodeAddress()).isEqualTo(a.address());
            assertThat(impostor.closedByNode()).isTrue();
            assertThat(a.network.metrics().handshakesRejected()).isEqualTo(1);
            assertThat(a.network.peers()).isEmpty();
        }
    }

    @Test
    void peerThatNeverGreetsIsCutAtTheHandshakeTimeout() throws Exception {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG.withTimeouts(300, 30_000), 3)) {
            try (RawPeer noTls = RawPeer.plain(a.port())) {
                assertThat(noTls.closedByNode()).isTrue();
            }
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() == 1);
            try (RawPeer noHello = RawPeer.tls(TestKeys.ed25519(3), a.port())) {
                assertThat(noHello.readFrame().getHello().getNodeAddress()).isEqualTo(a.address());
                assertThat(noHello.closedByNode()).isTrue();
            }
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() == 2);
            assertThat(a.network.peers()).isEmpty();
        }
    }

    @Test
    void keepalivesHoldQuietLinksAndSilentPeersAreClosed() throws Exception {
        final P2pConfig quickIdle = TestNode.CONFIG.withTimeouts(1_000, 600);
        try (TestNode a = TestNode.start(1, quickIdle, 2, 3);
             TestNode b = TestNode.start(2, quickIdle, 1)) {
            b.connectTo(a);
            awaitLinked(a, b);
            // Three idle timeouts without a message: only keepalives cross, and they must be enough.
            await().during(Duration.ofMillis(1_800)).atMost(WAIT).until(() -> a.isConnectedTo(b));
            assertThat(b.handler.received()).isEmpty();
            assertThat(a.network.metrics().framesReceived()).isGreaterThan(2);
            try (RawPeer silent = RawPeer.tls(TestKeys.ed25519(3), a.port())) {
                silent.greet(TestKeys.address(3));
                assertThat(silent.closedByNode()).isTrue();
            }
            assertThat(a.network.metrics().handshakesRejected() + a.network.metrics().framesRejected()).isZero();
            assertThat(a.isConnectedTo(b)).isTrue();
        }
    }

    @Test
    void oversizedAndMalformedFramesCloseOnlyTheirConnection() throws Exception {
        final int maxFrameBytes = 64 * 1024;
        try (TestNode a = TestNode.start(1, TestNode.CONFIG.withMaxFrameBytes(maxFrameBytes), 2, 3);
             TestNode b = TestNode.start(2, TestNode.CONFIG, 1)) {
            b.connectTo(a);
            awaitLinked(a, b);
            try (RawPeer oversized = RawPeer.tls(TestKeys.ed25519(3), a.port())) {
                oversized.greet(TestKeys.address(3));
                await().atMost(WAIT).until(() -> a.network.peers().size() == 2);
                oversized.write(ByteBuffer.allocate(4).putInt(maxFrameBytes + 1).array());
                assertThat(oversized.closedByNode()).isTrue();
            }
            await().atMost(WAIT).until(() -> a.network.metrics().framesRejected() == 1);
            try (RawPeer malformed = RawPeer.tls(TestKeys.ed25519(3), a.port())) {
                malformed.greet(TestKeys.address(3));
                malformed.write(new byte[] {0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
                assertThat(malformed.closedByNode()).isTrue();
            }
            await().atMost(WAIT).until(() -> a.network.metrics().framesRejected() == 2);

            await().atMost(WAIT).until(() -> a.network.peers().size() == 1);
            assertThat(a.network.send(b.address(), request(7))).isEqualTo(SendOutcome.QUEUED);
            await().atMost(WAIT).until(() -> b.handler.received().size() == 1);
            assertThat(b.network.send(a.address(), request(8))).isEqualTo(SendOutcome.QUEUED);
            await().atMost(WAIT).until(() -> a.handler.received().size() == 1);
        }
    }

    @Test
    void secondHelloOnAnEstablishedLinkIsAProtocolViolation() throws Exception {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 3);
             RawPeer peer = RawPeer.tls(TestKeys.ed25519(3), a.port())) {
            peer.greet(TestKeys.address(3));
            peer.sendHello(TestKeys.address(3));
            assertThat(peer.closedByNode()).isTrue();
            await().atMost(WAIT).until(() -> a.network.metrics().framesRejected() == 1);
        }
    }

    @Test
    void fullOutboundQueueDropsAndCountsWhileTheLinkStays() throws Exception {
        final int maxFrameBytes = 256 * 1024;
        final int queueMessages = 4;
        final P2pConfig smallQueue = TestNode.CONFIG.withMaxFrameBytes(maxFrameBytes)
                .withOutboundQueue(queueMessages, queueMessages * (maxFrameBytes + 4));
        final CountDownLatch unblock = new CountDownLatch(1);
        try (TestNode a = TestNode.start(1, smallQueue, 2);
             TestNode b = TestNode.start(2, TestNode.CONFIG.withMaxFrameBytes(maxFrameBytes), 1)) {
            // B's handler stalls its event loop, as a handler that wrongly blocks would: B stops reading from A.
            b.handler.forwardTo((peer, message) -> {
                try {
                    unblock.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            b.connectTo(a);
            awaitLinked(a, b);
            final AtomicInteger queued = new AtomicInteger();
            try {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> {
                    final SendOutcome outcome = a.network.send(b.address(), large(queued.get(), maxFrameBytes));
                    if (outcome == SendOutcome.QUEUED) {
                        queued.incrementAndGet();
                    }
                    return outcome == SendOutcome.QUEUE_FULL;
                });
                assertThat(a.network.metrics().messagesDropped()).isEqualTo(1);
                assertThat(a.network.peers()).extracting(ConnectedPeer::address).containsExactly(b.address());
            } finally {
                unblock.countDown();
            }
            // Everything queued arrives, in order; nothing dropped does.
            await().atMost(WAIT).until(() -> b.handler.received().size() == queued.get());
            assertThat(b.handler.received()).extracting(item -> TestTransactions.nonceOf(item.message().getTransactions().getTransactions(0))).isSorted().doesNotHaveDuplicates().hasSize(queued.get());
            assertThat(a.network.send(b.address(), request(-1))).isEqualTo(SendOutcome.QUEUED);
            await().atMost(WAIT).until(() -> b.handler.received().size() == queued.get() + 1);
        }
    }

    @Test
    void dialledPeerIsRedialledAfterItRestarts() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2)) {
            final int port;
            try (TestNode b = TestNode.start(2, TestNode.CONFIG, 1)) {
                port = b.port();
                a.connectTo(b);
                awaitLinked(a, b);
            }
            await().atMost(WAIT).until(() -> a.network.peers().isEmpty());
            assertThat(a.handler.disconnected()).containsExactly(TestKeys.address(2));
            try (TestNode restarted = TestNode.start(2, TestNode.CONFIG.withBind("127.0.0.1", port), 1)) {
                awaitLinked(a, restarted);
                assertThat(a.network.send(restarted.address(), request(3))).isEqualTo(SendOutcome.QUEUED);
                await().atMost(WAIT).until(() -> restarted.handler.received().size() == 1);
            }
        }
    }

    @Test
    void simultaneousDialsEndWithOneLinkDialledByTheSmallerAddress() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2);
             TestNode b = TestNode.start(2, TestNode.CONFIG, 1)) {
            a.connectTo(b);
            b.connectTo(a);
            awaitLinked(a, b);
            final LinkDirection expectedAtA = a.address().compareTo(b.address()) < 0
                    ? LinkDirection.OUTBOUND : LinkDirection.INBOUND;
            await().atMost(WAIT).until(() -> a.network.peers().size() == 1 && b.network.peers().size() == 1
                    && a.network.peers().get(0).direction() == expectedAtA
                    && b.network.peers().get(0).direction() != expectedAtA);
            assertThat(a.network.send(b.address(), request(1))).isEqualTo(SendOutcome.QUEUED);
            assertThat(b.network.send(a.address(), request(2))).isEqualTo(SendOutcome.QUEUED);
            await().atMost(WAIT).until(() -> a.handler.received().size() == 1 && b.handler.received().size() == 1);
            assertThat(a.network.peers()).hasSize(1);
            assertThat(b.network.peers()).hasSize(1);
        }
    }

    @Test
    void connectionsPastTheCapAreRefused() throws Exception {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG.withMaxConnections(1), 2);
             TestNode b = TestNode.start(2, TestNode.CONFIG, 1)) {
            b.connectTo(a);
            awaitLinked(a, b);
            try (RawPeer extra = RawPeer.plain(a.port())) {
                assertThat(extra.closedByNode()).isTrue();
            }
            await().atMost(WAIT).until(() -> a.network.metrics().connectionsRefused() == 1);
            assertThat(a.network.peers()).hasSize(1);
        }
    }

    @Test
    void peerNoLongerAdmittedIsDisconnected() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2);
             TestNode b = TestNode.start(2, TestNode.CONFIG, 1)) {
            b.connectTo(a);
            awaitLinked(a, b);
            assertThat(a.network.disconnectUnadmitted()).isZero();
            a.admitted.remove(b.address());
            assertThat(a.network.disconnectUnadmitted()).isEqualTo(1);
            await().atMost(WAIT).until(() -> a.network.peers().isEmpty() && b.network.peers().isEmpty());
            // B keeps redialling, and A keeps refusing it in the TLS handshake.
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() >= 1);
            assertThat(a.network.peers()).isEmpty();
        }
    }

    @Test
    void resumedTlsSessionOfAPeerNoLongerAdmittedIsRefused() throws Exception {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 3)) {
            final SSLContext context = RawPeer.clientContext(TestKeys.ed25519(3));
            try (RawPeer first = RawPeer.tls(context, a.port())) {
                first.greet(TestKeys.address(3));
                await().atMost(WAIT).until(() -> a.network.peers().size() == 1);
            }
            a.admitted.remove(TestKeys.address(3));
            try (RawPeer resumed = RawPeer.tls(context, a.port())) {
                assertThat(resumed.closedByNode()).isTrue();
            }
            await().atMost(WAIT).until(() -> a.network.metrics().handshakesRejected() == 1);
            assertThat(a.network.peers()).isEmpty();
        }
    }

    @Test
    void dialTargetsAreCapped() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG.withReconnectDelays(60_000, 60_000))) {
            // Port 1 on loopback addresses: nothing listens there, so every dial fails at once and then waits.
            for (int target = 0; target < Limits.MAX_DIAL_TARGETS; target++) {
                a.network.connect("127.0." + target / 250 + "." + (2 + target % 250), 1, Optional.empty());
            }
            a.network.connect("127.0.0.2", 1, Optional.empty());
            assertThatThrownBy(() -> a.network.connect("127.0.9.9", 1, Optional.empty()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at most " + Limits.MAX_DIAL_TARGETS);
        }
    }

    @Test
    void connectRefusesBadArguments() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG)) {
            assertThatThrownBy(() -> a.network.connect("127.0.0.1", 0, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
            assertThatThrownBy(() -> a.network.connect("127.0.0.1", 1, Optional.of(a.address())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
            assertThatThrownBy(() -> a.network.connect("127.0.0.1", 1, Optional.of("did:bid:nonsense")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void messagesOverTheFrameCapAreRefusedBeforeQueueing() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG.withMaxFrameBytes(Limits.MIN_MAX_FRAME_BYTES))) {
            final PeerMessage tooLarge = PeerMessage.newBuilder().setHello(Hello.newBuilder()
                    .setSoftware("x".repeat(Limits.MIN_MAX_FRAME_BYTES))).build();
            assertThatThrownBy(() -> a.network.broadcast(tooLarge))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the frame cap");
            assertThat(a.network.send(TestKeys.address(2), request(1))).isEqualTo(SendOutcome.NOT_CONNECTED);
        }
    }

    @Test
    void sm2NodeKeyIsRefusedAtStart() {
        final byte[] scalar = new byte[PrivateKey.RAW_LENGTH_BYTES];
        scalar[31] = 1;
        assertThatThrownBy(() -> PeerNetwork.start(TestNode.CONFIG, PrivateKey.fromRaw(KeyType.SM2, scalar),
                address -> true, new RecordingHandler(), () -> 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SM2 node keys");
    }

    @Test
    void busyPortIsAClearError() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG)) {
            assertThatThrownBy(() -> TestNode.start(2, TestNode.CONFIG.withBind("127.0.0.1", a.port())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen for peers on 127.0.0.1:" + a.port());
        }
    }

    @Test
    void closeIsIdempotentAndEndsTheLinks() {
        try (TestNode b = TestNode.start(2, TestNode.CONFIG, 1)) {
            final TestNode a = TestNode.start(1, TestNode.CONFIG, 2);
            a.connectTo(b);
            awaitLinked(a, b);
            a.close();
            a.close();
            await().atMost(WAIT).until(() -> b.network.peers().isEmpty());
            assertThat(a.network.send(b.address(), request(1))).isEqualTo(SendOutcome.NOT_CONNECTED);
            assertThatThrownBy(() -> a.connectTo(b)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void gossipVerifiesEachTransactionOnceAcrossATriangle() {
        try (TestNode a = TestNode.start(1, TestNode.CONFIG, 2, 3);
             TestNode b = TestNode.start(2, TestNode.CONFIG, 1, 3);
             TestNode c = TestNode.start(3, TestNode.CONFIG, 1, 2);
             GossipingNode gossipA = new GossipingNode(a);
             GossipingNode gossipB = new GossipingNode(b);
             GossipingNode gossipC = new GossipingNode(c)) {
            b.connectTo(a);
            c.connectTo(a);
            c.connectTo(b);
            awaitLinked(a, b);
            awaitLinked(a, c);
            awaitLinked(b, c);
            assertThat(gossipA.gossip.announceLocal(TestTransactions.signed(1))).isTrue();
            // A sends 2 copies; B and C each verify once and relay to their one other peer: 4 copies, 2 duplicates,
            // whatever order they arrive in.
            await().atMost(WAIT).until(() -> gossipA.gossip.metrics().duplicates() + gossipB.gossip.metrics()
                    .duplicates() + gossipC.gossip.metrics().duplicates() == 2);
            assertThat(gossipB.verifier.calls).hasValue(1);
            assertThat(gossipC.verifier.calls).hasValue(1);
            assertThat(gossipA.verifier.calls).hasValue(0);
            assertThat(gossipA.gossip.metrics().received() + gossipB.gossip.metrics().received()
                    + gossipC.gossip.metrics().received()).isEqualTo(4);
            assertThat(gossipB.gossip.metrics().relayed() + gossipC.gossip.metrics().relayed()).isEqualTo(2);
        }
    }

    /** A test node whose transactions go through gossip with a real signature check. */
    private static final class GossipingNode implements AutoCloseable {

        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        final TransactionGossip gossip;

        GossipingNode(final TestNode node) {
            gossip = TransactionGossip.over(node.network, new TransactionGossipConfig(2, 1_000, 100), verifier);
            node.handler.forwardTo((peer, message) -> {
                if (message.hasTransactions()) {
                    gossip.receive(peer, message.getTransactions());
                }
            });
        }

        @Override
        public void close() {
            gossip.close();
        }
    }
}
