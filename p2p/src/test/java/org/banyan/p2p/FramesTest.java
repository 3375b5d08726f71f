package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.banyan.protocol.p2p.BlockRequest;
import org.banyan.protocol.p2p.Hello;
import org.banyan.protocol.p2p.PeerMessage;
import org.junit.jupiter.api.Test;

/** The frame codec through Netty's embedded channel: the real decoder, without sockets. */
class FramesTest {

    private static final int CAP = 4096;

    private static PeerMessage hello(final String software) {
        return PeerMessage.newBuilder().setHello(Hello.newBuilder().setChainId(1).setSoftware(software)).build();
    }

    /** A message whose encoding is exactly {@code size} bytes. */
    private static PeerMessage ofSize(final int size) {
        for (int length = size; length >= 0; length--) {
            final PeerMessage message = hello("x".repeat(length));
            if (message.getSerializedSize() == size) {
                return message;
            }
        }
        throw new AssertionError("no Hello encodes to exactly " + size + " bytes");
    }

    private static List<PeerMessage> decode(final EmbeddedChannel channel) {
        final List<PeerMessage> decoded = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            decoded.add((PeerMessage) message);
        }
        return decoded;
    }

    @Test
    void framesRoundTripHoweverTheStreamIsSplit() {
        qt().forAll(lists().of(strings().ascii().ofLengthBetween(0, 300)).ofSizeBetween(1, 8),
                        integers().between(1, 700))
                .checkAssert((softwares, chunkBytes) -> {
            final List<PeerMessage> messages = softwares.stream().map(FramesTest::hello).toList();
            final ByteArrayOutputStream stream = new ByteArrayOutputStream();
            messages.forEach(message -> stream.writeBytes(Frames.encode(message, CAP)));
            final byte[] bytes = stream.toByteArray();
            final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(CAP));
            for (int offset = 0; offset < bytes.length; offset += chunkBytes) {
                channel.writeInbound(Unpooled.wrappedBuffer(
                        Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + chunkBytes))));
            }
            assertThat(decode(channel)).isEqualTo(messages);
            assertThat(channel.isOpen()).isTrue();
        });
    }

    @Test
    void frameAtTheCapIsAcceptedAndOneByteMoreIsRejected() {
        final PeerMessage atCap = ofSize(CAP);
        final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(CAP));
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.encode(atCap, CAP)));
        assertThat(decode(channel)).containsExactly(atCap);
        // Only the length is sent: the decoder must refuse before buffering any of the body.
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(
                ByteBuffer.allocate(4).putInt(CAP + 1).array())))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("exceeds the cap of " + CAP);
    }

    @Test
    void lengthsAboveTwoGigabytesAreRejectedNotWrapped() {
        final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(CAP));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 0, 0, 0})))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("4278190080 bytes");
    }

    @Test
    void malformedProtobufIsRejectedAndTheRestOfTheStreamIgnored() {
        final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(CAP));
        final byte[] garbage = {0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(garbage)))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("not a valid PeerMessage");
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.encode(hello("after"), CAP)));
        assertThat(decode(channel)).isEmpty();
    }

    @Test
    void keepaliveIsAnEmptyMessage() {
        final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(CAP));
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.KEEPALIVE));
        assertThat(decode(channel)).containsExactly(PeerMessage.getDefaultInstance());
        assertThat(Frames.encode(PeerMessage.getDefaultInstance(), CAP)).isEqualTo(Frames.KEEPALIVE);
    }

    @Test
    void encodingPrefixesTheBigEndianLength() {
        final PeerMessage message = PeerMessage.newBuilder()
                .setBlockRequest(BlockRequest.newBuilder().setFromHeight(300).setMaxBlocks(2)).build();
        final byte[] frame = Frames.encode(message, CAP);
        assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(message.getSerializedSize());
        assertThat(Arrays.copyOfRange(frame, 4, frame.length)).isEqualTo(message.toByteArray());
    }

    @Test
    void encodingRefusesMessagesOverTheCap() {
        assertThat(Frames.encode(ofSize(CAP), CAP)).hasSize(CAP + Limits.FRAME_LENGTH_PREFIX_BYTES);
        assertThatThrownBy(() -> Frames.encode(ofSize(CAP + 1), CAP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HELLO").hasMessageContaining("exceeds the frame cap of " + CAP);
    }
}
