package org.banyan.p2p;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.banyan.protocol.p2p.PeerMessage;

/** Remembers everything the network delivered, and passes messages on to an optional next consumer. */
final class RecordingHandler implements PeerMessageHandler {

    /** One delivered message with its sender. */
    record Received(String peerAddress, PeerMessage message) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ConnectedPeer> connected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> disconnected = new ConcurrentLinkedQueue<>();
    private volatile BiConsumer<String, PeerMessage> next = (peer, message) -> { };

    void forwardTo(final BiConsumer<String, PeerMessage> consumer) {
        next = consumer;
    }

    @Override
    public void onMessage(final String peerAddress, final PeerMessage message) {
        received.add(new Received(peerAddress, message));
        next.accept(peerAddress, message);
    }

    @Override
    public void onPeerConnected(final ConnectedPeer peer) {
        connected.add(peer);
    }

    @Override
    public void onPeerDisconnected(final String peerAddress) {
        disconnected.add(peerAddress);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFrom(final String peerAddress) {
        return received.stream().filter(item -> item.peerAddress().equals(peerAddress)).toList();
    }

    List<ConnectedPeer> connected() {
        return List.copyOf(connected);
    }

    List<String> disconnected() {
        return List.copyOf(disconnected);
    }
}
