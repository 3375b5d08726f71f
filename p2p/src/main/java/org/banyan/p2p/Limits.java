package org.banyan.p2p;

/**
 * Every cap the peer-to-peer layer enforces, with the reason for its value. The {@code DEFAULT_} values seed
 * {@link P2pConfig#defaults} and {@link TransactionGossipConfig#defaults}; the {@code MAX_}/{@code MIN_} values bound
 * what a configuration may ask for. {@code LimitsTest} checks how they relate.
 */
public final class Limits {

    /** Bytes of the big-endian length that precedes every frame. */
    public static final int FRAME_LENGTH_PREFIX_BYTES = 4;

    /** The largest block the chain allows: 16 MiB. A proposal or block response carries one whole block. */
    public static final int BLOCK_MAX_BYTES = 16 * 1024 * 1024;

    /** Room beyond one block for the envelope around it: header, commit certificate, protobuf tags. */
    public static final int FRAME_MARGIN_BYTES = 1024 * 1024;

    /** Default frame cap: one maximal block plus its envelope. */
    public static final int DEFAULT_MAX_FRAME_BYTES = BLOCK_MAX_BYTES + FRAME_MARGIN_BYTES;

    /** Smallest configurable frame cap: a Hello with a long software string and any vote must still fit. */
    public static final int MIN_MAX_FRAME_BYTES = 1024;

    /**
     * Largest configurable frame cap: a peer may make us buffer this much per connection before we can judge the
     * frame, so it stays far below the heap.
     */
    public static final int MAX_MAX_FRAME_BYTES = 256 * 1024 * 1024;

    /** Messages waiting to be written to one peer: a few rounds of votes and transactions for a 100-validator net. */
    public static final int DEFAULT_OUTBOUND_QUEUE_MAX_MESSAGES = 8192;

    /**
     * Bytes waiting to be written to one peer: two maximal frames, so that one full block does not stop the votes
     * behind it. TLS holds its own encrypted copy per peer, so this is also about the memory a slow peer can pin.
     */
    public static final int DEFAULT_OUTBOUND_QUEUE_MAX_BYTES = 2 * (DEFAULT_MAX_FRAME_BYTES + FRAME_LENGTH_PREFIX_BYTES);

    /** Peers a node may be told to dial and keep dialling: every validator of a large set plus observers. */
    public static final int MAX_DIAL_TARGETS = 256;

    /**
     * Open connections, authenticated or still in handshake: a link to every dial target plus as many inbound ones.
     * Admission allows only validators and observers, so this is room enough while bounding per-connection buffers.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 2 * MAX_DIAL_TARGETS;

    /** Time allowed for TLS and the Hello exchange; a peer that takes longer is cut so it cannot hold a slot. */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /**
     * A link that carried nothing for this long is presumed dead and closed, so that a peer behind a silent network
     * failure is redialled. Keepalives go out after a third of it.
     */
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 30_000;

    /** Quiet time after which a link sends a keepalive: a third of the idle timeout tolerates two lost keepalives. */
    public static final int KEEPALIVES_PER_IDLE_TIMEOUT = 3;

    /** First redial delay after a lost link: short, because on loopback or a LAN a restart takes about this long. */
    public static final long DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS = 100;

    /** Longest redial delay: a validator that comes back is found within this long, without a dial storm meanwhile. */
    public static final long DEFAULT_RECONNECT_MAX_DELAY_MILLIS = 10_000;

    /** Netty event-loop threads: TLS and framing are light next to signature checks, which run elsewhere. */
    public static final int DEFAULT_EVENT_LOOP_THREADS = 2;

    /** Longest software string in our own Hello; it is informational, and the Hello must stay small. */
    public static final int MAX_SOFTWARE_CHARS = 128;

    /**
     * Transaction envelopes remembered by gossip so that each is verified and relayed once. At a few thousand
     * transactions per second this covers about a minute, longer than gossip takes to cross the network.
     */
    public static final int DEFAULT_SEEN_TRANSACTIONS = 200_000;

    /** Transactions waiting for a verifier thread; past it new ones are dropped and counted, never queued unbounded. */
    public static final int DEFAULT_PENDING_VERIFICATIONS = 10_000;

    /**
     * How long relayed transactions may wait to share a frame: small next to a block interval, long enough that at
     * a few thousand transactions per second each frame carries dozens of them.
     */
    public static final long GOSSIP_FLUSH_INTERVAL_MILLIS = 5;

    /** Transactions one gossip batch carries at most; a larger batch from a peer is refused whole. */
    public static final int MAX_GOSSIP_BATCH_TRANSACTIONS = 1_000;

    /** Bytes at which a gossip batch leaves without waiting for the flush; far below the frame cap. */
    public static final long MAX_GOSSIP_BATCH_BYTES = 1024 * 1024;

    /** How long closing gossip lets verifications in progress finish. */
    public static final long GOSSIP_SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    /** How long closing the network waits for its event loops to stop. */
    public static final long NETWORK_SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private Limits() {
    }
}
