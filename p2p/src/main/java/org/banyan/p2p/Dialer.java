package org.banyan.p2p;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps links to the configured peers: dials each {@link DialTarget}, and redials with capped exponential backoff
 * whenever the target's node is not connected, whoever dialled the link that was lost.
 */
final class Dialer {

    /** Opens one outbound connection with the full link pipeline. */
    @FunctionalInterface
    interface Connector {
        ChannelFuture connect(DialTarget target);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final P2pConfig config;
    private final EventLoopGroup timers;
    private final PeerRegistry registry;
    private final String selfAddress;
    private final Connector connector;
    private final ConcurrentHashMap<String, DialTarget> targets = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Dialer(final P2pConfig config, final EventLoopGroup timers, final PeerRegistry registry, final String selfAddress,
           final Connector connector) {
        this.config = config;
        this.timers = timers;
        this.registry = registry;
        this.selfAddress = selfAddress;
        this.connector = connector;
    }

    /**
     * Adds a target and dials it; a second target at the same host and port is ignored.
     *
     * @throws IllegalStateException if {@link Limits#MAX_DIAL_TARGETS} targets exist already
     */
    void add(final DialTarget target) {
        if (targets.size() >= Limits.MAX_DIAL_TARGETS && !targets.containsKey(target.toString())) {
            throw new IllegalStateException("at most " + Limits.MAX_DIAL_TARGETS + " peers may be configured to dial");
        }
        if (targets.putIfAbsent(target.toString(), target) == null) {
            dial(target);
        }
    }

    void identified(final DialTarget target, final String address) {
        target.identified(address, selfAddress);
    }

    /** The connection of a dial closed or never opened. */
    void connectionEnded(final DialTarget target, final boolean reachedPeer) {
        target.dialEnded(reachedPeer);
        scheduleRedial(target);
    }

    /** A peer's last link closed: redial it if it is one of ours, even if it had dialled us. */
    void peerLost(final String address) {
        targets.values().stream().filter(target -> target.leadsTo(address)).forEach(this::scheduleRedial);
    }

    void close() {
        closed = true;
    }

    private void dial(final DialTarget target) {
        if (closed || !target.beginDial(registry::isConnected)) {
            return;
        }
        LOG.debug("dialling {}", target);
        connector.connect(target).addListener(connected -> {
            if (!connected.isSuccess()) {
                LOG.debug("dialling {} failed: {}", target, connected.cause().getMessage());
                connectionEnded(target, false);
            }
        });
    }

    private void scheduleRedial(final DialTarget target) {
        if (closed) {
            return;
        }
        final OptionalLong delayMillis = target.claimRedial(
                config.reconnectInitialDelayMillis(), config.reconnectMaxDelayMillis());
        if (delayMillis.isEmpty()) {
            return;
        }
        try {
            timers.schedule(() -> {
                target.redialDue();
                dial(target);
            }, delayMillis.getAsLong(), TimeUnit.MILLISECONDS);
        } catch (final RejectedExecutionException e) {
            // The event loops are shutting down with the network.
            target.redialDue();
        }
    }
}
