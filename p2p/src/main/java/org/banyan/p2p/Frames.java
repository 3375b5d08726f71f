package org.banyan.p2p;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.banyan.protocol.p2p.PeerMessage;

/** Encodes outbound frames once, so that a broadcast serializes its message once for all peers. */
final class Frames {

    /** The keepalive: an empty {@code PeerMessage}, which peers read as "no body" and ignore. */
    static final byte[] KEEPALIVE = new byte[Limits.FRAME_LENGTH_PREFIX_BYTES];

    private Frames() {
    }

    /**
     * The frame for this message: its length, then its bytes.
     *
     * @throws IllegalArgumentException if the message exceeds the frame cap; callers size messages (blocks, block
     *     responses) to fit it, so this is a bug at the caller
     */
    static byte[] encode(final PeerMessage message, final int maxFrameBytes) {
        final int size = message.getSerializedSize();
        if (size > maxFrameBytes) {
            throw new IllegalArgumentException("a " + message.getBodyCase() + " message of " + size
                    + " bytes exceeds the frame cap of " + maxFrameBytes + " bytes");
        }
        final byte[] frame = ByteBuffer.allocate(Limits.FRAME_LENGTH_PREFIX_BYTES + size).putInt(size).array();
        final CodedOutputStream output = CodedOutputStream.newInstance(frame, Limits.FRAME_LENGTH_PREFIX_BYTES, size);
        try {
            message.writeTo(output);
        } catch (final IOException e) {
            throw new UncheckedIOException("writing a PeerMessage into an array of its own size failed", e);
        }
        output.checkNoSpaceLeft();
        return frame;
    }
}
