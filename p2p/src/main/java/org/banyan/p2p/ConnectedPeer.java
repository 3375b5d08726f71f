package org.banyan.p2p;

import java.util.Objects;
import org.banyan.protocol.p2p.Hello;

/**
 * An authenticated peer as seen at the end of its handshake.
 *
 * @param address the peer's node BID, proven by its TLS certificate
 * @param hello what the peer said in its Hello (chain, versions, height, software)
 * @param direction who dialled
 */
public record ConnectedPeer(String address, Hello hello, LinkDirection direction) {

    /** Rejects missing parts. */
    public ConnectedPeer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(hello, "hello");
        Objects.requireNonNull(direction, "direction");
    }
}
