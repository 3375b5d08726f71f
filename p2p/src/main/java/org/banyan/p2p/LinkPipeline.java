package org.banyan.p2p;

import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the handlers of one connection, socket side first: byte counting, TLS, flush batching, idle detection,
 * framing, and the {@link LinkHandler}. Outbound frames arrive already encoded, so there is no encoder.
 */
final class LinkPipeline {

    /** Flushes merged into one while a read is in progress: a burst of votes becomes one TLS record, not hundreds. */
    private static final int FLUSHES_PER_BATCH = 256;

    private final LinkEnvironment environment;
    private final TrafficCounter trafficCounter;

    LinkPipeline(final LinkEnvironment environment) {
        this.environment = environment;
        this.trafficCounter = new TrafficCounter(environment.counters());
    }

    void install(final Channel channel, final SslHandler tls, final PeerTrustManager trust,
                 final LinkDirection direction, final Optional<DialTarget> dialTarget) {
        final P2pConfig config = environment.config();
        tls.setHandshakeTimeoutMillis(config.handshakeTimeoutMillis());
        channel.pipeline()
                .addLast("traffic", trafficCounter)
                .addLast("tls", tls)
                .addLast("flush", new FlushConsolidationHandler(FLUSHES_PER_BATCH, true))
                .addLast("idle", new IdleStateHandler(config.idleTimeoutMillis(),
                        config.idleTimeoutMillis() / Limits.KEEPALIVES_PER_IDLE_TIMEOUT, 0, TimeUnit.MILLISECONDS))
                .addLast("frames", new FrameDecoder(config.maxFrameBytes()))
                .addLast("link", new LinkHandler(environment, trust, direction, dialTarget));
    }
}
