package org.banyan.p2p;

import java.util.Optional;
import org.banyan.protocol.p2p.Hello;

/** Whether a peer's Hello lets the link stand: same chain, overlapping protocol versions, and the proven identity. */
final class HelloCheck {

    private HelloCheck() {
    }

    /**
     * Why the link must be dropped, or empty if the peer's Hello is acceptable.
     *
     * @param authenticatedAddress the address the peer's TLS certificate proved
     */
    static Optional<String> rejectionReason(final Hello local, final Hello remote, final String authenticatedAddress) {
        if (remote.getChainId() != local.getChainId()) {
            return Optional.of("the peer is on chain " + remote.getChainId() + ", we are on chain " + local.getChainId());
        }
        if (remote.getMinProtocolVersion() > remote.getMaxProtocolVersion()) {
            return Optional.of("the peer's protocol versions are an empty range " + range(remote));
        }
        if (remote.getMaxProtocolVersion() < local.getMinProtocolVersion()
                || remote.getMinProtocolVersion() > local.getMaxProtocolVersion()) {
            return Optional.of("the peer speaks protocol versions " + range(remote) + ", we speak " + range(local));
        }
        if (!remote.getNodeAddress().equals(authenticatedAddress)) {
            return Optional.of("the peer's Hello claims node address '" + remote.getNodeAddress()
                    + "' but its TLS key is " + authenticatedAddress);
        }
        return Optional.empty();
    }

    private static String range(final Hello hello) {
        return "[" + hello.getMinProtocolVersion() + ", " + hello.getMaxProtocolVersion() + "]";
    }
}
