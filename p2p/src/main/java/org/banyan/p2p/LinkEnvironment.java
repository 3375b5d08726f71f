package org.banyan.p2p;

import java.util.function.Supplier;
import org.banyan.protocol.p2p.Hello;

/**
 * What every link handler shares with its network.
 *
 * @param localHello our Hello as of now (the height moves)
 */
record LinkEnvironment(
        P2pConfig config,
        String selfAddress,
        Counters counters,
        PeerRegistry registry,
        PeerMessageHandler handler,
        Supplier<Hello> localHello,
        Dialer dialer) {
}
