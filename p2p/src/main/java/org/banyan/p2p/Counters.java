package org.banyan.p2p;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link P2pMetrics}; every event loop adds to them, so they are adders, not locks. */
final class Counters {

    final LongAdder framesReceived = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder framesRejected = new LongAdder();
    final LongAdder handshakesRejected = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder messagesDropped = new LongAdder();

    P2pMetrics snapshot() {
        return new P2pMetrics(framesReceived.sum(), framesSent.sum(), framesRejected.sum(), handshakesRejected.sum(),
                connectionsRefused.sum(), bytesIn.sum(), bytesOut.sum(), messagesDropped.sum());
    }
}
