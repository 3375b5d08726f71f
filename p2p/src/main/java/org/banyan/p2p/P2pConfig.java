package org.banyan.p2p;

import java.util.Objects;

/**
 * How a node's peer network listens, greets and bounds its links. Start from {@link #defaults(long)} and change what
 * differs with the {@code with…} methods; every value is checked when the record is built.
 *
 * @param chainId the chain this node belongs to; peers on another chain are refused in the handshake
 * @param bindHost the interface to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param bindPort the port to listen on, or 0 for any free port (see {@link PeerNetwork#localPort()})
 * @param minProtocolVersion the oldest p2p protocol version this node speaks
 * @param maxProtocolVersion the newest p2p protocol version this node speaks
 * @param software what this node reports about itself in its Hello, e.g. {@code banyan/0.1.0}
 * @param maxFrameBytes the largest frame accepted or sent, excluding its 4-byte length prefix
 * @param outboundQueueMaxMessages messages that may wait to be written to one peer
 * @param outboundQueueMaxBytes bytes that may wait to be written to one peer
 * @param maxConnections open connections, in handshake or authenticated, inbound and outbound
 * @param handshakeTimeoutMillis time for TLS and for the peer's Hello, each
 * @param idleTimeoutMillis a link that received nothing for this long is closed
 * @param reconnectInitialDelayMillis first delay before redialling a lost configured peer
 * @param reconnectMaxDelayMillis cap of the doubling redial delay
 * @param eventLoopThreads Netty threads for all links
 */
public record P2pConfig(
        long chainId,
        String bindHost,
        int bindPort,
        int minProtocolVersion,
        int maxProtocolVersion,
        String software,
        int maxFrameBytes,
        int outboundQueueMaxMessages,
        int outboundQueueMaxBytes,
        int maxConnections,
        long handshakeTimeoutMillis,
        long idleTimeoutMillis,
        long reconnectInitialDelayMillis,
        long reconnectMaxDelayMillis,
        int eventLoopThreads) {

    /** The p2p protocol version this build speaks. */
    public static final int PROTOCOL_VERSION = 1;

    /** What a Banyan node reports in its Hello unless told otherwise. */
    public static final String DEFAULT_SOFTWARE = "banyan/0.1.0";

    private static final int MAX_PORT = 65_535;

    /** Checks every value; the messages name the field and the allowed range. */
    public P2pConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(software, "software");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be blank");
        }
        requireBetween("bindPort", bindPort, 0, MAX_PORT);
        requireBetween("minProtocolVersion", minProtocolVersion, 1, Integer.MAX_VALUE);
        requireBetween("maxProtocolVersion", maxProtocolVersion, minProtocolVersion, Integer.MAX_VALUE);
        requireBetween("software length", software.length(), 0, Limits.MAX_SOFTWARE_CHARS);
        requireBetween("maxFrameBytes", maxFrameBytes, Limits.MIN_MAX_FRAME_BYTES, Limits.MAX_MAX_FRAME_BYTES);
        requireBetween("outboundQueueMaxMessages", outboundQueueMaxMessages, 1, Integer.MAX_VALUE);
        // One maximal frame must always fit, or a full-size block could never be sent to anyone.
        requireBetween("outboundQueueMaxBytes", outboundQueueMaxBytes,
                maxFrameBytes + Limits.FRAME_LENGTH_PREFIX_BYTES, Integer.MAX_VALUE);
        requireBetween("maxConnections", maxConnections, 1, Integer.MAX_VALUE);
        requireBetween("handshakeTimeoutMillis", handshakeTimeoutMillis, 1, Long.MAX_VALUE);
        requireBetween("idleTimeoutMillis", idleTimeoutMillis, Limits.KEEPALIVES_PER_IDLE_TIMEOUT, Long.MAX_VALUE);
        requireBetween("reconnectInitialDelayMillis", reconnectInitialDelayMillis, 1, Long.MAX_VALUE);
        requireBetween("reconnectMaxDelayMillis", reconnectMaxDelayMillis, reconnectInitialDelayMillis, Long.MAX_VALUE);
        requireBetween("eventLoopThreads", eventLoopThreads, 1, Integer.MAX_VALUE);
    }

    /** Defaults for a node of this chain, listening on loopback at a free port. */
    public static P2pConfig defaults(final long chainId) {
        return new P2pConfig(chainId, "127.0.0.1", 0, PROTOCOL_VERSION, PROTOCOL_VERSION, DEFAULT_SOFTWARE,
                Limits.DEFAULT_MAX_FRAME_BYTES, Limits.DEFAULT_OUTBOUND_QUEUE_MAX_MESSAGES,
                Limits.DEFAULT_OUTBOUND_QUEUE_MAX_BYTES, Limits.DEFAULT_MAX_CONNECTIONS,
                Limits.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, Limits.DEFAULT_IDLE_TIMEOUT_MILLIS,
                Limits.DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS, Limits.DEFAULT_RECONNECT_MAX_DELAY_MILLIS,
                Limits.DEFAULT_EVENT_LOOP_THREADS);
    }

    /** The same configuration listening on another interface and port. */
    public P2pConfig withBind(final String host, final int port) {
        return new P2pConfig(chainId, host, port, minProtocolVersion, maxProtocolVersion, software, maxFrameBytes,
                outboundQueueMaxMessages, outboundQueueMaxBytes, maxConnections, handshakeTimeoutMillis,
                idleTimeoutMillis, reconnectInitialDelayMillis, reconnectMaxDelayMillis, eventLoopThreads);
    }

    /** The same configuration speaking another range of protocol versions. */
    public P2pConfig withProtocolVersions(final int min, final int max) {
        return new P2pConfig(chainId, bindHost, bindPort, min, max, software, maxFrameBytes,
                outboundQueueMaxMessages, outboundQueueMaxBytes, maxConnections, handshakeTimeoutMillis,
                idleTimeoutMillis, reconnectInitialDelayMillis, reconnectMaxDelayMillis, eventLoopThreads);
    }

    /** The same configuration with another frame cap; the outbound byte cap grows to hold one frame if needed. */
    public P2pConfig withMaxFrameBytes(final int bytes) {
        final int queueBytes = Math.max(outboundQueueMaxBytes, bytes + Limits.FRAME_LENGTH_PREFIX_BYTES);
        return new P2pConfig(chainId, bindHost, bindPort, minProtocolVersion, maxProtocolVersion, software, bytes,
                outboundQueueMaxMessages, queueBytes, maxConnections, handshakeTimeoutMillis,
                idleTimeoutMillis, reconnectInitialDelayMillis, reconnectMaxDelayMillis, eventLoopThreads);
    }

    /** The same configuration with other per-peer outbound queue caps. */
    public P2pConfig withOutboundQueue(final int maxMessages, final int maxBytes) {
        return new P2pConfig(chainId, bindHost, bindPort, minProtocolVersion, maxProtocolVersion, software,
                maxFrameBytes, maxMessages, maxBytes, maxConnections, handshakeTimeoutMillis,
                idleTimeoutMillis, reconnectInitialDelayMillis, reconnectMaxDelayMillis, eventLoopThreads);
    }

    /** The same configuration with another connection cap. */
    public P2pConfig withMaxConnections(final int connections) {
        return new P2pConfig(chainId, bindHost, bindPort, minProtocolVersion, maxProtocolVersion, software,
                maxFrameBytes, outboundQueueMaxMessages, outboundQueueMaxBytes, connections, handshakeTimeoutMillis,
                idleTimeoutMillis, reconnectInitialDelayMillis, reconnectMaxDelayMillis, eventLoopThreads);
    }

    /** The same configuration with other handshake and idle timeouts. */
    public P2pConfig withTimeouts(final long handshakeMillis, final long idleMillis) {
        return new P2pConfig(chainId, bindHost, bindPort, minProtocolVersion, maxProtocolVersion, software,
                maxFrameBytes, outboundQueueMaxMessages, outboundQueueMaxBytes, maxConnections, handshakeMillis,
                idleMillis, reconnectInitialDelayMillis, reconnectMaxDelayMillis, eventLoopThreads);
    }

    /** The same configuration with other redial delays. */
    public P2pConfig withReconnectDelays(final long initialMillis, final long maxMillis) {
        return new P2pConfig(chainId, bindHost, bindPort, minProtocolVersion, maxProtocolVersion, software,
                maxFrameBytes, outboundQueueMaxMessages, outboundQueueMaxBytes, maxConnections, handshakeTimeoutMillis,
                idleTimeoutMillis, initialMillis, maxMillis, eventLoopThreads);
    }

    private static void requireBetween(final String name, final long value, final long min, final long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " but is " + value);
        }
    }
}
