package org.banyan.p2p;

import io.netty.handler.ssl.SslContext;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A configured peer we keep a link to: where to dial, whom we expect there, and the redial state. The
 * {@link Dialer} does the I/O; this class only decides, so its rules are testable without sockets.
 *
 * <p>At most one dial or one scheduled redial is in flight. The redial delay doubles with each dial that did not
 * reach a compatible peer, up to the configured cap, and starts over once a dial reaches one.
 */
final class DialTarget {

    private final String host;
    private final int port;
    private final PeerTrustManager trust;
    private final SslContext tls;
    // Guarded by this: dials end on event loops, redials fire on timers, and peers are lost on any loop.
    private Optional<String> knownAddress;
    private int failedAttempts;
    private boolean dialing;
    private boolean redialPending;
    private boolean abandoned;

    /** The trust manager accepts only the expected address when one is given. */
    DialTarget(final String host, final int port, final Optional<String> expectedAddress,
               final NodeCertificate identity, final PeerAdmission admission) {
        this.host = host;
        this.port = port;
        this.trust = new PeerTrustManager(admission, expectedAddress);
        this.tls = TlsContexts.client(identity, trust);
        this.knownAddress = expectedAddress;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    SslContext tls() {
        return tls;
    }

    PeerTrustManager trust() {
        return trust;
    }

    /** Starts a dial unless one is running, the target was abandoned, or its node is already connected. */
    synchronized boolean beginDial(final Predicate<String> isConnected) {
        if (dialing || abandoned || knownAddress.filter(isConnected).isPresent()) {
            return false;
        }
        dialing = true;
        return true;
    }

    /** TLS proved who is at this target; a target that turns out to be this node is never dialled again. */
    synchronized void identified(final String address, final String selfAddress) {
        knownAddress = Optional.of(address);
        abandoned = abandoned || address.equals(selfAddress);
    }

    /** A dial's connection ended; reaching a compatible peer resets the backoff. */
    synchronized void dialEnded(final boolean reachedPeer) {
        dialing = false;
        failedAttempts = reachedPeer ? 0 : failedAttempts + 1;
    }

    /** The delay of a redial to schedule now, or empty if a dial or redial is already under way or the target is dead. */
    synchronized OptionalLong claimRedial(final long initialDelayMillis, final long maxDelayMillis) {
        if (dialing || redialPending || abandoned) {
            return OptionalLong.empty();
        }
        redialPending = true;
        long delayMillis = initialDelayMillis;
        for (int attempt = 0; attempt < failedAttempts && delayMillis < maxDelayMillis; attempt++) {
            delayMillis *= 2;
        }
        return OptionalLong.of(Math.min(delayMillis, maxDelayMillis));
    }

    /** The scheduled redial fired. */
    synchronized void redialDue() {
        redialPending = false;
    }

    /** Whether this target is the node with this address, as far as we know. */
    synchronized boolean leadsTo(final String address) {
        return knownAddress.filter(address::equals).isPresent();
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
