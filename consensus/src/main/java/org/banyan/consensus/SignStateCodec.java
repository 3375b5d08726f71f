package org.banyan.consensus;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;

/**
 * The bytes a {@link SignState} is persisted as. A torn or corrupted file must never be read as a valid older sign
 * state, since signing from it could double-sign; so the payload is followed by its SHA-256, and any mismatch fails.
 *
 * <p>Layout, big-endian: {@code "BSS1"}, height (8), last signed (tag 1 byte: 0 none, 1 proposal, 2 vote; then length
 * 4 and protobuf bytes), locked and valid (each a presence byte, then round 4, length 4 and the block's protobuf
 * bytes), then the 32-byte SHA-256 of everything before it.
 */
public final class SignStateCodec {

    private static final byte[] MAGIC = "BSS1".getBytes(StandardCharsets.US_ASCII);
    private static final byte NONE = 0;
    private static final byte PROPOSAL = 1;
    private static final byte VOTE = 2;

    private SignStateCodec() {
    }

    /** Encodes a sign state with its checksum. */
    public static byte[] encode(final SignState state) {
        final byte[] lastSigned = state.lastSigned().map(SignStateCodec::messageBytes).orElse(new byte[0]);
        final byte[] locked = state.locked().map(value -> value.block().toByteArray()).orElse(new byte[0]);
        final byte[] valid = state.valid().map(value -> value.block().toByteArray()).orElse(new byte[0]);
        final ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + Long.BYTES + 1 + Integer.BYTES + lastSigned.length
                + 2 * (1 + 2 * Integer.BYTES) + locked.length + valid.length + Hashes.DIGEST_LENGTH_BYTES);
        buffer.put(MAGIC).putLong(state.height());
        buffer.put(state.lastSigned().map(SignStateCodec::tagOf).orElse(NONE)).putInt(lastSigned.length)
                .put(lastSigned);
        putValue(buffer, state.locked(), locked);
        putValue(buffer, state.valid(), valid);
        buffer.put(Hashes.sha256(Arrays.copyOf(buffer.array(), buffer.position())));
        Verify.that(!buffer.hasRemaining(), "an encoded sign state fills its buffer exactly");
        return buffer.array();
    }

    /**
     * Decodes a sign state.
     *
     * @throws IllegalArgumentException if the bytes are truncated, fail their checksum, or do not parse
     */
    public static SignState decode(final byte[] bytes) {
        if (bytes.length < MAGIC.length + Hashes.DIGEST_LENGTH_BYTES) {
            throw new IllegalArgumentException("a sign state has at least " + (MAGIC.length
                    + Hashes.DIGEST_LENGTH_BYTES) + " bytes, got " + bytes.length);
        }
        final int payloadLength = bytes.length - Hashes.DIGEST_LENGTH_BYTES;
        final byte[] payload = Arrays.copyOf(bytes, payloadLength);
        if (!MessageDigest.isEqual(Hashes.sha256(payload), Arrays.copyOfRange(bytes, payloadLength, bytes.length))) {
            throw new IllegalArgumentException("the sign state fails its checksum: it is torn or corrupted");
        }
        if (!Arrays.equals(payload, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("the bytes are not a sign state: wrong magic");
        }
        try {
            final ByteBuffer buffer = ByteBuffer.wrap(payload, MAGIC.length, payloadLength - MAGIC.length);
            final long height = buffer.getLong();
            final byte tag = buffer.get();
            final byte[] lastSigned = take(buffer, buffer.getInt());
            final Optional<ConsensusMessage> message = switch (tag) {
                case NONE -> Optional.empty();
                case PROPOSAL -> Optional.of(new ConsensusMessage.ProposalMessage(Proposal.parseFrom(lastSigned)));
                case VOTE -> Optional.of(new ConsensusMessage.VoteMessage(Vote.parseFrom(lastSigned)));
                default -> throw new IllegalArgumentException("unknown last-signed tag " + tag);
            };
            final Optional<RoundValue> locked = takeValue(buffer);
            final Optional<RoundValue> valid = takeValue(buffer);
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException(buffer.remaining() + " bytes follow the sign state");
            }
            return new SignState(height, message, locked, valid);
        } catch (final BufferUnderflowException | InvalidProtocolBufferException | AssertionError e) {
            throw new IllegalArgumentException("the sign state does not parse: " + e, e);
        }
    }

    private static void putValue(final ByteBuffer buffer, final Optional<RoundValue> value, final byte[] block) {
        buffer.put((byte) (value.isPresent() ? 1 : 0)).putInt(value.map(RoundValue::round).orElse(-1))
                .putInt(block.length).put(block);
    }

    private static Optional<RoundValue> takeValue(final ByteBuffer buffer) throws InvalidProtocolBufferException {
        final byte present = buffer.get();
        final int round = buffer.getInt();
        final byte[] block = take(buffer, buffer.getInt());
        if (present == 0) {
            return Optional.empty();
        }
        return Optional.of(RoundValue.of(round, Block.parseFrom(block)));
    }

    private static byte[] take(final ByteBuffer buffer, final int length) {
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " overruns the sign state");
        }
        final byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte tagOf(final ConsensusMessage message) {
        return message instanceof ConsensusMessage.ProposalMessage ? PROPOSAL : VOTE;
    }

    private static byte[] messageBytes(final ConsensusMessage message) {
        if (message instanceof ConsensusMessage.ProposalMessage proposal) {
            return proposal.proposal().toByteArray();
        }
        return ((ConsensusMessage.VoteMessage) message).vote().toByteArray();
    }
}
