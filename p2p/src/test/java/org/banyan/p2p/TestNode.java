package org.banyan.p2p;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.banyan.crypto.PrivateKey;

/** A running peer network on loopback with a recording handler and a mutable admission set. */
final class TestNode implements AutoCloseable {

    /** Chain id shared by the test nodes unless a test says otherwise. */
    static final long CHAIN_ID = 7;

    /** Small delays, so that redials in tests take milliseconds. */
    static final P2pConfig CONFIG = P2pConfig.defaults(CHAIN_ID).withReconnectDelays(20, 400);

    final PrivateKey key;
    final Set<String> admitted = ConcurrentHashMap.newKeySet();
    final RecordingHandler handler = new RecordingHandler();
    final PeerNetwork network;

    private TestNode(final int index, final P2pConfig config, final long height) {
        this.key = TestKeys.ed25519(index);
        this.network = PeerNetwork.start(config, key, admitted::contains, handler, () -> height);
    }

    /** Node {@code index} admitting the nodes listed (and itself). */
    static TestNode start(final int index, final P2pConfig config, final int... admittedIndexes) {
        final TestNode node = new TestNode(index, config, 100L + index);
        node.admitted.add(node.address());
        for (final int admittedIndex : admittedIndexes) {
            node.admitted.add(TestKeys.address(admittedIndex));
        }
        return node;
    }

    String address() {
        return network.localAddress();
    }

    int port() {
        return network.localPort();
    }

    void connectTo(final TestNode other) {
        network.connect("127.0.0.1", other.port(), Optional.of(other.address()));
    }

    boolean isConnectedTo(final TestNode other) {
        return network.peers().stream().anyMatch(peer -> peer.address().equals(other.address()));
    }

    @Override
    public void close() {
        network.close();
    }
}
