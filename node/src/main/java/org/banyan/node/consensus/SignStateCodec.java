package org.banyan.node.consensus;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.RoundValue;
import org.banyan.consensus.SignState;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;

/**
 * The byte format of the persisted sign state: a version, the height, the last signed message (proposal or vote, as
 * its protobuf) and the locked and valid values (round and block protobuf). Protobuf carries the messages so that the
 * restored last-signed message re-sends with the very signature it had.
 */
public final class SignStateCodec {

    /** The format written; a file of any other version is refused rather than guessed at. */
    static final int FORMAT_VERSION = 1;

    private static final byte ABSENT = 0;
    private static final byte PROPOSAL = 1;
    private static final byte VOTE = 2;
    private static final byte PRESENT = 1;

    private SignStateCodec() {
    }

    /** The bytes of a sign state. */
    public static byte[] encode(final SignState state) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT_VERSION);
            out.writeLong(state.height());
            if (state.lastSigned().isEmpty()) {
                out.writeByte(ABSENT);
            } else if (state.lastSigned().get() instanceof ConsensusMessage.ProposalMessage proposal) {
                out.writeByte(PROPOSAL);
                writeBytes(out, proposal.proposal().toByteArray());
            } else {
                out.writeByte(VOTE);
                writeBytes(out, ((ConsensusMessage.VoteMessage) state.lastSigned().get()).vote().toByteArray());
            }
            writeRoundValue(out, state.locked());
            writeRoundValue(out, state.valid());
        } catch (final IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a sign state.
     *
     * @throws IllegalArgumentException if the bytes are not a sign state of this format
     */
    public static SignState decode(final byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            final int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("the sign state has format version " + version + ", expected "
                    + FORMAT_VERSION);
            }
            final long height = in.readLong();
            final byte kind = in.readByte();
            final Optional<ConsensusMessage> lastSigned = switch (kind) {
                case ABSENT -> Optional.empty();
                case PROPOSAL -> Optional.of(new ConsensusMessage.ProposalMessage(Proposal.parseFrom(readBytes(in))));
                case VOTE -> Optional.of(new ConsensusMessage.VoteMessage(Vote.parseFrom(readBytes(in))));
                default -> throw new IllegalArgumentException("unknown last-signed kind " + kind);
            };
            final Optional<RoundValue> locked = readRoundValue(in);
            final Optional<RoundValue> valid = readRoundValue(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("the sign state has " + in.available() + " trailing bytes");
            }
            return new SignState(height, lastSigned, locked, valid);
        } catch (final EOFException e) {
            throw new IllegalArgumentException("the sign state is truncated", e);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the sign state holds an unreadable message: " + e.getMessage(), e);
        } catch (final IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

    private static void writeRoundValue(final DataOutputStream out, final Optional<RoundValue> value)
        throws IOException {
        if (value.isEmpty()) {
            out.writeByte(ABSENT);
            return;
        }
        out.writeByte(PRESENT);
        out.writeInt(value.get().round());
        writeBytes(out, value.get().block().toByteArray());
    }

    private static Optional<RoundValue> readRoundValue(final DataInputStream in) throws IOException {
        final byte presence = in.readByte();
        if (presence == ABSENT) {
            return Optional.empty();
        }
        if (presence != PRESENT) {
            throw new IllegalArgumentException("unknown presence marker " + presence);
        }
        final int round = in.readInt();
        if (round < 0) {
            throw new IllegalArgumentException("a locked or valid round is not negative, got " + round);
        }
        return Optional.of(RoundValue.of(round, Block.parseFrom(readBytes(in))));
    }

    private static void writeBytes(final DataOutputStream out, final byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(final DataInputStream in) throws IOException {
        final int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a field claims " + length + " bytes but " + in.available()
                + " remain");
        }
        return in.readNBytes(length);
    }
}
