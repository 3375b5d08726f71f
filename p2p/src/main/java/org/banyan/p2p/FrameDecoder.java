package org.banyan.p2p;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.banyan.protocol.p2p.PeerMessage;

/**
 * Splits the decrypted stream into frames (a 4-byte big-endian length, then that many bytes of protobuf
 * {@code PeerMessage}) and parses each. The length is checked before any of the body is buffered, so a peer can make
 * us hold at most one capped frame. A bad frame throws {@link FrameRejectedException}; everything after it is
 * discarded, since the stream can no longer be trusted to be in step.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameBytes;
    private boolean rejected;

    FrameDecoder(final int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(final ChannelHandlerContext context, final ByteBuf in, final List<Object> out) {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < Limits.FRAME_LENGTH_PREFIX_BYTES) {
            return;
        }
        final long length = Integer.toUnsignedLong(in.getInt(in.readerIndex()));
        if (length > maxFrameBytes) {
            throw reject(in, "a frame of " + length + " bytes exceeds the cap of " + maxFrameBytes + " bytes");
        }
        final int frameBytes = (int) length;
        if (in.readableBytes() < Limits.FRAME_LENGTH_PREFIX_BYTES + frameBytes) {
            return;
        }
        try {
            out.add(PeerMessage.parseFrom(in.nioBuffer(in.readerIndex() + Limits.FRAME_LENGTH_PREFIX_BYTES, frameBytes)));
        } catch (final InvalidProtocolBufferException e) {
            throw reject(in, "a frame of " + frameBytes + " bytes is not a valid PeerMessage: " + e.getMessage());
        }
        in.skipBytes(Limits.FRAME_LENGTH_PREFIX_BYTES + frameBytes);
    }

    private FrameRejectedException reject(final ByteBuf in, final String reason) {
        rejected = true;
        in.skipBytes(in.readableBytes());
        return new FrameRejectedException(reason);
    }
}
