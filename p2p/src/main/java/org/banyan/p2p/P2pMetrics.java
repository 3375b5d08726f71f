package org.banyan.p2p;

/**
 * A snapshot of the network's counters since it started.
 *
 * @param framesReceived frames decoded from authenticated peers, Hellos and keepalives included
 * @param framesSent frames written to peers, Hellos and keepalives included
 * @param framesRejected oversized, malformed or out-of-protocol frames; each closed its connection
 * @param handshakesRejected links that failed TLS, the Hello check or the handshake timeout
 * @param connectionsRefused inbound connections closed at once because {@link P2pConfig#maxConnections} was reached
 * @param bytesIn bytes read from sockets, TLS included
 * @param bytesOut bytes written to sockets, TLS included
 * @param messagesDropped messages not queued because a peer's outbound queue was full
 */
public record P2pMetrics(
        long framesReceived,
        long framesSent,
        long framesRejected,
        long handshakesRejected,
        long connectionsRefused,
        long bytesIn,
        long bytesOut,
        long messagesDropped) {
}
