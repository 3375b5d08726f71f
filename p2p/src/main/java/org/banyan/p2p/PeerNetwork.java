package org.banyan.p2p;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.banyan.crypto.Address;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.p2p.Hello;
import org.banyan.protocol.p2p.PeerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's links to its peers: authenticated, encrypted, framed and bounded.
 *
 * <p><b>Identity and trust.</b> A node is its Ed25519 node key. Each link runs TLS 1.3 (JDK provider) with mutual
 * authentication by self-signed certificates of the node keys ({@link NodeCertificate}); a peer is trusted when the
 * BID address of its key is admitted by the ledger ({@link PeerAdmission}) and, when we dialled a given node, is that
 * node. This is checked during TLS and again after it, since a resumed TLS session skips the first check. SM2 node keys are not supported: the JDK's TLS has no SM2, so {@link #start} refuses them.
 *
 * <p><b>Handshake.</b> After TLS, each side sends a {@code Hello} first. The link is dropped, logged and counted
 * ({@link P2pMetrics#handshakesRejected}) unless the chain ids match, the protocol version ranges overlap and the
 * Hello's {@code node_address} is the TLS-authenticated key; TLS and the Hello each get
 * {@link P2pConfig#handshakeTimeoutMillis}. If two links to one peer complete (both dialled at once, or a restarted
 * peer redialled), exactly one survives, chosen the same way at both ends ({@link PeerRegistry}).
 *
 * <p><b>Frames.</b> Each frame is a 4-byte big-endian length and a protobuf {@code PeerMessage}. A frame over
 * {@link P2pConfig#maxFrameBytes} or that does not parse closes that connection only, and is counted
 * ({@link P2pMetrics#framesRejected}). An empty {@code PeerMessage} is a keepalive, sent after a third of
 * {@link P2pConfig#idleTimeoutMillis} of quiet; a link that receives nothing for the whole idle timeout is closed.
 *
 * <p><b>Bounds.</b> Outbound, each peer has a queue capped by messages and bytes; past either cap the message is
 * dropped and counted ({@link SendOutcome#QUEUE_FULL}) and the link stays: consensus and gossip retransmit from round
 * state, and a slow peer should not be cut off from catching up. Inbound, the handler runs on the event loop and must
 * not block (see {@link PeerMessageHandler}); while it runs, its loop reads nothing, so TCP pushes back on the
 * sender. Connections, dial targets and frames are capped as well ({@link Limits}).
 *
 * <p><b>Threads.</b> All links share {@link P2pConfig#eventLoopThreads} Netty threads. Every public method is
 * thread-safe; {@link #close()} must not be called from a handler callback, because it waits for the event loops.
 */
public final class PeerNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerNetwork.class);

    private final P2pConfig config;
    private final NodeCertificate identity;
    private final PeerAdmission admission;
    private final LongSupplier committedHeight;
    private final Counters counters = new Counters();
    private final PeerRegistry registry;
    private final EventLoopGroup eventLoops;
    private final ChannelGroup channels = new DefaultChannelGroup("banyan-p2p", ImmediateEventExecutor.INSTANCE);
    private final Semaphore connectionSlots;
    private final Dialer dialer;
    private final LinkPipeline pipeline;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Channel serverChannel;

    private PeerNetwork(final P2pConfig config, final PrivateKey nodeKey, final PeerAdmission admission,
                        final PeerMessageHandler handler, final LongSupplier committedHeight) {
        this.config = Objects.requireNonNull(config, "config");
        this.identity = NodeCertificate.of(Objects.requireNonNull(nodeKey, "nodeKey"));
        this.admission = Objects.requireNonNull(admission, "admission");
        this.committedHeight = Objects.requireNonNull(committedHeight, "committedHeight");
        this.registry = new PeerRegistry(identity.address());
        this.connectionSlots = new Semaphore(config.maxConnections());
        this.eventLoops = new MultiThreadIoEventLoopGroup(config.eventLoopThreads(),
                new DefaultThreadFactory("banyan-p2p", true), NioIoHandler.newFactory());
        this.dialer = new Dialer(config, eventLoops, registry, identity.address(), this::dial);
        this.pipeline = new LinkPipeline(new LinkEnvironment(config, identity.address(), counters, registry,
                Objects.requireNonNull(handler, "handler"), this::localHello, dialer));
        try {
            this.serverChannel = listen();
        } catch (final RuntimeException e) {
            eventLoops.shutdownGracefully(0, Limits.NETWORK_SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(Limits.NETWORK_SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /**
     * Starts listening on {@link P2pConfig#bindHost}:{@link P2pConfig#bindPort}.
     *
     * @param nodeKey this node's Ed25519 node key; its address is this node's identity on every link
     * @param admission which peers the ledger admits, asked during every TLS handshake
     * @param handler receives peers' messages on the event loops; it must not block
     * @param committedHeight this node's last committed height, reported in each Hello
     * @throws IllegalArgumentException if the node key is SM2
     * @throws IllegalStateException if the address cannot be bound
     */
    public static PeerNetwork start(final P2pConfig config, final PrivateKey nodeKey, final PeerAdmission admission,
                                    final PeerMessageHandler handler, final LongSupplier committedHeight) {
        return new PeerNetwork(config, nodeKey, admission, handler, committedHeight);
    }

    private Channel listen() {
        final PeerTrustManager serverTrust = new PeerTrustManager(admission, Optional.empty());
        final SslContext serverTls = TlsContexts.server(identity, serverTrust);
        final ChannelFuture bound = new ServerBootstrap()
                .group(eventLoops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(final SocketChannel channel) {
                        if (!takeConnectionSlot(channel)) {
                            counters.connectionsRefused.increment();
                            LOG.warn("refusing a connection from {}: {} connections are open",
                                    channel.remoteAddress(), config.maxConnections());
                            channel.close();
                            return;
                        }
                        pipeline.install(channel, serverTls.newHandler(channel.alloc()), serverTrust,
                                LinkDirection.INBOUND, Optional.empty());
                    }
                })
                .bind(config.bindHost(), config.bindPort())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen for peers on " + config.bindHost() + ":"
                    + config.bindPort() + ": " + bound.cause().getMessage(), bound.cause());
        }
        LOG.info("p2p node {} listening on {}", identity.address(), bound.channel().localAddress());
        return bound.channel();
    }

    private ChannelFuture dial(final DialTarget target) {
        return new Bootstrap()
                .group(eventLoops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.handshakeTimeoutMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(final SocketChannel channel) {
                        if (!takeConnectionSlot(channel)) {
                            LOG.warn("not dialling {}: {} connections are open", target, config.maxConnections());
                            channel.close();
                            return;
                        }
                        pipeline.install(channel, target.tls().newHandler(channel.alloc()), target.trust(),
                                LinkDirection.OUTBOUND, Optional.of(target));
                    }
                })
                .connect(target.host(), target.port());
    }

    private boolean takeConnectionSlot(final Channel channel) {
        if (!connectionSlots.tryAcquire()) {
            return false;
        }
        channels.add(channel);
        channel.closeFuture().addListener(closedChannel -> connectionSlots.release());
        return true;
    }

    private Hello localHello() {
        return Hello.newBuilder()
                .setChainId(config.chainId())
                .setMinProtocolVersion(config.minProtocolVersion())
                .setMaxProtocolVersion(config.maxProtocolVersion())
                .setNodeAddress(identity.address())
                .setHeight(committedHeight.getAsLong())
                .setSoftware(config.software())
                .build();
    }

    /**
     * Keeps a link to the peer at this host and port: dials now, and redials with capped exponential backoff
     * whenever that node is not connected. Connecting twice to the same host and port changes nothing.
     *
     * @param expectedAddress the node BID we mean to reach; the link is refused if another node answers
     * @throws IllegalArgumentException if the port or expected address is invalid, or the address is this node's
     * @throws IllegalStateException if the network is closed or {@link Limits#MAX_DIAL_TARGETS} peers are configured
     */
    public void connect(final String host, final int port, final Optional<String> expectedAddress) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a peer port is between 1 and 65535, got " + port);
        }
        expectedAddress.ifPresent(address -> {
            Address.parse(address);
            if (address.equals(identity.address())) {
                throw new IllegalArgumentException("a node cannot connect to itself (" + address + ")");
            }
        });
        requireOpen();
        dialer.add(new DialTarget(host, port, expectedAddress, identity, admission));
    }

    /**
     * Queues a message for one peer.
     *
     * @throws IllegalArgumentException if the message exceeds {@link P2pConfig#maxFrameBytes}
     */
    public SendOutcome send(final String peerAddress, final PeerMessage message) {
        final byte[] frame = Frames.encode(message, config.maxFrameBytes());
        if (closed.get()) {
            return SendOutcome.NOT_CONNECTED;
        }
        return registry.get(peerAddress).map(link -> link.send(frame)).orElse(SendOutcome.NOT_CONNECTED);
    }

    /**
     * Queues a message for every connected peer, serializing it once.
     *
     * @return how many peers it was queued for; the others' queues were full and the drops were counted
     * @throws IllegalArgumentException if the message exceeds {@link P2pConfig#maxFrameBytes}
     */
    public int broadcast(final PeerMessage message) {
        return broadcastExcept(message, Optional.empty());
    }

    /**
     * Like {@link #broadcast}, but not to one peer: the one a relayed message came from.
     *
     * @throws IllegalArgumentException if the message exceeds {@link P2pConfig#maxFrameBytes}
     */
    public int broadcastExcept(final PeerMessage message, final Optional<String> exceptPeerAddress) {
        final byte[] frame = Frames.encode(message, config.maxFrameBytes());
        int queued = 0;
        for (final PeerLink link : registry.all()) {
            if (exceptPeerAddress.filter(link.address()::equals).isEmpty()
                    && link.send(frame) == SendOutcome.QUEUED) {
                queued++;
            }
        }
        return queued;
    }

    /** The authenticated peers connected now, ordered by address. */
    public List<ConnectedPeer> peers() {
        return registry.all().stream().map(PeerLink::peer).toList();
    }

    /**
     * Closes the links of peers that admission no longer allows; call it when the validator set or the observer list
     * changes. New handshakes always ask admission afresh.
     *
     * @return how many links were closed
     */
    public int disconnectUnadmitted() {
        int disconnected = 0;
        for (final PeerLink link : registry.all()) {
            if (!admission.isAdmitted(link.address())) {
                LOG.info("disconnecting {}: no longer admitted", link.address());
                link.channel().close();
                disconnected++;
            }
        }
        return disconnected;
    }

    /** This node's BID address, as peers see it. */
    public String localAddress() {
        return identity.address();
    }

    /** The port this node listens on; useful when {@link P2pConfig#bindPort} was 0. */
    public int localPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The configuration this network runs with. */
    public P2pConfig config() {
        return config;
    }

    /** The counters since start. */
    public P2pMetrics metrics() {
        return counters.snapshot();
    }

    /** Stops listening and dialling, closes every link and stops the event loops. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        dialer.close();
        serverChannel.close().awaitUninterruptibly();
        channels.close().awaitUninterruptibly();
        eventLoops.shutdownGracefully(0, Limits.NETWORK_SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(Limits.NETWORK_SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("p2p node {} stopped", identity.address());
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the peer network is closed");
        }
    }
}
