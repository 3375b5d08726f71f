package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.crypto.PrivateKey;
import org.banyan.p2p.Limits;
import org.banyan.p2p.RawPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running validator attacked over its p2p port: a peer the ledger does not admit cannot get a link, and an admitted
 * one that sends a malformed or an oversized frame loses its link. Each is counted in /metrics, and the node goes on
 * committing.
 */
class BadPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void badPeersAreRefusedOrCutOffAndCountedWhileTheNodeKeepsCommitting() throws Exception {
        // Node 0 is the only validator; node 1's key is an admitted observer that never starts: the attacker uses it.
        try (TestNetwork network = new TestNetwork(directory, 2, 1)) {
            final TestNode node = network.start(0);
            await().atMost(WAIT).until(() -> node.height() >= 3);
            final int port = network.p2pPort(0);

            final double handshakesRejected = counter(node, "banyan_p2p_handshakes_rejected_total");
            final double framesRejected = counter(node, "banyan_p2p_frames_rejected_total");
            final PrivateKey stranger = TestTransactions.key(999);
            assertThat(refused(stranger, port)).as("a peer that is neither validator nor observer").isTrue();
            await().atMost(WAIT).until(() -> counter(node, "banyan_p2p_handshakes_rejected_total")
                == handshakesRejected + 1);

            final PrivateKey observer = TestNetwork.nodeKey(1);
            final String observerAddress = TestTransactions.address(observer);
            try (RawPeer malformed = RawPeer.tls(observer, port)) {
                assertThat(malformed.greet(observerAddress, TestNode.CHAIN_ID).hasHello()).isTrue();
                malformed.write(new byte[] {0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
                assertThat(malformed.closedByNode()).as("a frame that is not a PeerMessage").isTrue();
            }
            await().atMost(WAIT).until(() -> counter(node, "banyan_p2p_frames_rejected_total") == framesRejected + 1);

            try (RawPeer oversized = RawPeer.tls(observer, port)) {
                assertThat(oversized.greet(observerAddress, TestNode.CHAIN_ID).hasHello()).isTrue();
                oversized.write(ByteBuffer.allocate(8).putInt(Limits.DEFAULT_MAX_FRAME_BYTES + 1).putInt(0).array());
                assertThat(oversized.closedByNode()).as("a frame over the cap").isTrue();
            }
            await().atMost(WAIT).until(() -> counter(node, "banyan_p2p_frames_rejected_total") == framesRejected + 2);
            assertThat(counter(node, "banyan_p2p_handshakes_rejected_total")).isEqualTo(handshakesRejected + 1);

            final long before = node.height();
            final PrivateKey payer = TestTransactions.key(1);
            final var result = node.submitOne(TestTransactions.payment(payer, 1, TestNode.GENESIS_ADDRESS, 1).build(),
                payer);
            assertThat(result.get("error_code").asInt()).as(result.toString()).isZero();
            assertThat(node.awaitCommitted(result.get("hash").asText()).get("error_code").asInt()).isZero();
            assertThat(node.height()).as("the node is up and committing").isGreaterThan(before);
        }
    }

    /** Whether the node refused a TLS link with this key, at the handshake or right after it. */
    private static boolean refused(final PrivateKey key, final int port) {
        try (RawPeer peer = RawPeer.tls(key, port)) {
            return peer.closedByNode();
        } catch (final IOException e) {
            // TLS 1.3 lets the client finish first; a refusal may surface here or on the first read.
            return true;
        }
    }

    private static double counter(final TestNode node, final String name) {
        final String metrics = node.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + node.node.httpPort() + "/metrics")).GET()).body();
        final Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
