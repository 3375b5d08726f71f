package org.banyan.p2p;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.banyan.protocol.p2p.Hello;
import org.banyan.protocol.p2p.PeerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one connection: TLS, then the Hello exchange, then messages to the {@link PeerMessageHandler}.
 *
 * <p>States: {@code TLS} until the TLS handshake ends; {@code AWAITING_HELLO} after we sent our Hello; then
 * {@code ESTABLISHED} once the peer's Hello passed {@link HelloCheck} and the {@link PeerRegistry} kept the link;
 * {@code CLOSED} after any failure. Each failure closes the connection once, with one logged reason and one count.
 * All methods run on the link's event loop, so the state needs no lock.
 */
final class LinkHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHandler.class);

    private enum State { TLS, AWAITING_HELLO, ESTABLISHED, CLOSED }

    private final LinkEnvironment environment;
    private final PeerTrustManager trust;
    private final LinkDirection direction;
    private final Optional<DialTarget> dialTarget;
    private State state = State.TLS;
    private Optional<String> peerAddress = Optional.empty();
    private Optional<Hello> sentHello = Optional.empty();
    private Optional<PeerLink> link = Optional.empty();
    /** Whether the peer's Hello passed: a dial that got this far reached a live, compatible node. */
    private boolean helloAccepted;

    LinkHandler(final LinkEnvironment environment, final PeerTrustManager trust, final LinkDirection direction,
                final Optional<DialTarget> dialTarget) {
        this.environment = environment;
        this.trust = trust;
        this.direction = direction;
        this.dialTarget = dialTarget;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext context, final Object event) {
        if (event instanceof SslHandshakeCompletionEvent) {
            onTlsFinished(context, (SslHandshakeCompletionEvent) event);
        } else if (event instanceof IdleStateEvent) {
            onIdle(context, ((IdleStateEvent) event).state());
        }
        context.fireUserEventTriggered(event);
    }

    private void onTlsFinished(final ChannelHandlerContext context, final SslHandshakeCompletionEvent event) {
        if (state != State.TLS) {
            return;
        }
        if (!event.isSuccess()) {
            rejectHandshake(context, "TLS handshake failed: " + describe(event.cause()));
            return;
        }
        final String address;
        try {
            // Again, because a resumed session did not consult the trust manager; admission may have changed since.
            address = trust.authenticate(peerCertificates(context));
        } catch (final SSLPeerUnverifiedException | CertificateException e) {
            rejectHandshake(context, e.getMessage());
            return;
        }
        peerAddress = Optional.of(address);
        dialTarget.ifPresent(target -> environment.dialer().identified(target, address));
        if (address.equals(environment.selfAddress())) {
            rejectHandshake(context, "the link leads back to this node");
            return;
        }
        final Hello hello = environment.localHello().get();
        sentHello = Optional.of(hello);
        state = State.AWAITING_HELLO;
        writeFrame(context, Frames.encode(PeerMessage.newBuilder().setHello(hello).build(),
                environment.config().maxFrameBytes()));
        context.executor().schedule(() -> {
            if (state == State.AWAITING_HELLO) {
                rejectHandshake(context, "no Hello within " + environment.config().handshakeTimeoutMillis() + " ms");
            }
        }, environment.config().handshakeTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    private static X509Certificate[] peerCertificates(final ChannelHandlerContext context)
            throws SSLPeerUnverifiedException, CertificateException {
        final Certificate[] chain = context.pipeline().get(SslHandler.class).engine().getSession()
                .getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
            throw new CertificateException("the peer presented no X.509 certificate");
        }
        return new X509Certificate[] {(X509Certificate) chain[0]};
    }

    @Override
    public void channelRead(final ChannelHandlerContext context, final Object message) {
        final PeerMessage frame = (PeerMessage) message;
        environment.counters().framesReceived.increment();
        switch (state) {
            case AWAITING_HELLO -> onHello(context, frame);
            case ESTABLISHED -> onEstablishedFrame(context, frame);
            case TLS -> throw new IllegalStateException("a frame was decoded before the TLS handshake finished");
            case CLOSED -> {
                // Frames already decrypted when we closed; the connection is going away.
            }
        }
    }

    private void onHello(final ChannelHandlerContext context, final PeerMessage frame) {
        if (!frame.hasHello()) {
            rejectHandshake(context, "the first frame was " + frame.getBodyCase() + ", not a Hello");
            return;
        }
        final String address = peerAddress.orElseThrow();
        final Hello hello = frame.getHello();
        final Optional<String> reason = HelloCheck.rejectionReason(sentHello.orElseThrow(), hello, address);
        if (reason.isPresent()) {
            rejectHandshake(context, reason.get());
            return;
        }
        helloAccepted = true;
        final P2pConfig config = environment.config();
        final PeerLink candidate = new PeerLink(context.channel(), address, hello, direction,
                new OutboundBudget(config.outboundQueueMaxMessages(), config.outboundQueueMaxBytes()),
                environment.counters());
        final PeerRegistry.Registration registration = environment.registry().register(candidate);
        registration.loser().filter(loser -> loser != candidate).ifPresent(loser -> {
            LOG.debug("replacing the {} link to {} with a newer {} link", loser.direction(), address, direction);
            loser.channel().close();
        });
        if (!registration.accepted()) {
            LOG.debug("keeping the existing link to {}; closing this duplicate {} link", address, direction);
            state = State.CLOSED;
            context.close();
            return;
        }
        state = State.ESTABLISHED;
        link = Optional.of(candidate);
        LOG.info("peer {} connected ({}, height {}, {})", address, direction, hello.getHeight(), hello.getSoftware());
        environment.handler().onPeerConnected(candidate.peer());
    }

    private void onEstablishedFrame(final ChannelHandlerContext context, final PeerMessage frame) {
        switch (frame.getBodyCase()) {
            case HELLO -> rejectFrame(context, "a second Hello arrived on an established link");
            // A keepalive, or a body a newer protocol version added: neither is for the handler.
            case BODY_NOT_SET -> LOG.trace("keepalive from {}", peerAddress.orElseThrow());
            default -> deliver(frame);
        }
    }

    private void deliver(final PeerMessage frame) {
        try {
            environment.handler().onMessage(peerAddress.orElseThrow(), frame);
        } catch (final RuntimeException e) {
            // A bug in the node's handler is not the peer's fault: report it loudly and keep the link.
            LOG.error("the message handler failed on a {} from {}", frame.getBodyCase(), peerAddress.orElseThrow(), e);
        }
    }

    private void onIdle(final ChannelHandlerContext context, final IdleState idleState) {
        if (state != State.ESTABLISHED) {
            return;
        }
        if (idleState == IdleState.READER_IDLE) {
            LOG.warn("closing the link to {}: nothing received for {} ms", peerAddress.orElseThrow(),
                    environment.config().idleTimeoutMillis());
            state = State.CLOSED;
            context.close();
        } else if (idleState == IdleState.WRITER_IDLE) {
            writeFrame(context, Frames.KEEPALIVE);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause) {
        if (cause instanceof FrameRejectedException) {
            rejectFrame(context, cause.getMessage());
        } else if (state == State.TLS || state == State.AWAITING_HELLO) {
            // TLS failures reach us twice, as this exception and as a failed completion event; count them once.
            rejectHandshake(context, describe(cause));
        } else if (state == State.ESTABLISHED) {
            LOG.info("closing the link to {}: {}", peerAddress.orElseThrow(), describe(cause));
            state = State.CLOSED;
            context.close();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext context) {
        state = State.CLOSED;
        link.ifPresent(established -> {
            if (environment.registry().remove(established)) {
                LOG.info("peer {} disconnected", established.address());
                environment.handler().onPeerDisconnected(established.address());
                environment.dialer().peerLost(established.address());
            }
        });
        dialTarget.ifPresent(target -> environment.dialer().connectionEnded(target, helloAccepted));
        context.fireChannelInactive();
    }

    private void rejectHandshake(final ChannelHandlerContext context, final String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        environment.counters().handshakesRejected.increment();
        LOG.warn("dropping {} link {} ({}): {}", direction, context.channel().remoteAddress(),
                peerAddress.orElse("unauthenticated"), reason);
        context.close();
    }

    private void rejectFrame(final ChannelHandlerContext context, final String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        environment.counters().framesRejected.increment();
        LOG.warn("closing the link to {} ({}): {}", peerAddress.orElse("unauthenticated"),
                context.channel().remoteAddress(), reason);
        context.close();
    }

    private void writeFrame(final ChannelHandlerContext context, final byte[] frame) {
        context.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(written -> {
            if (written.isSuccess()) {
                environment.counters().framesSent.increment();
            }
        });
    }

    private static String describe(final Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The root usually says why (the trust manager's reason, a reset); the outer exception says where.
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
