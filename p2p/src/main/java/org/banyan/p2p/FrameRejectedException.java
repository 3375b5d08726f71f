package org.banyan.p2p;

import io.netty.handler.codec.DecoderException;

/** A peer sent a frame we will not read: too large, or not a {@code PeerMessage}. Its connection is closed. */
final class FrameRejectedException extends DecoderException {

    private static final long serialVersionUID = 1L;

    FrameRejectedException(final String message) {
        super(message);
    }
}
