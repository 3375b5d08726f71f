package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * The bytes a validator signs for a vote or a proposal, defined once here and used by signing and verification alike.
 *
 * <p>Layout, big-endian, fixed width:
 * <pre>
 *   "banyan/consensus/v1" (19 ASCII bytes)  domain tag: never valid as a BIF transaction blob or a ledger hash input
 *   kind        1 byte   1 prevote, 2 precommit, 3 proposal: a vote cannot be read as another kind of message
 *   chainId     8 bytes  a signature is never valid on another chain
 *   height      8 bytes
 *   round       4 bytes
 *   polRound    4 bytes  proposals only (-1 for none)
 *   idLength    1 byte   0 for a nil vote, else 32
 *   blockId     0 or 32 bytes
 * </pre>
 * A proposal signs the block id rather than the block, since the id is a hash over every field of the block. The
 * signer's identity is not in the bytes: it is bound by the key that signs them.
 */
public final class SignBytes {

    /** The domain tag that opens every consensus signature's message. */
    static final byte[] DOMAIN_TAG = "banyan/consensus/v1".getBytes(StandardCharsets.US_ASCII);

    private static final byte PREVOTE_KIND = 1;
    private static final byte PRECOMMIT_KIND = 2;
    private static final byte PROPOSAL_KIND = 3;

    private SignBytes() {
    }

    /**
     * The sign bytes of a vote.
     *
     * @throws IllegalArgumentException if the vote type is unknown or the block id is neither empty nor 32 bytes
     */
    public static byte[] of(final long chainId, final Vote vote) {
        final byte kind = switch (vote.getType()) {
            case PREVOTE -> PREVOTE_KIND;
            case PRECOMMIT -> PRECOMMIT_KIND;
            case VOTE_TYPE_UNKNOWN, UNRECOGNIZED -> throw new IllegalArgumentException(
                    "a vote must be a prevote or a precommit, got " + vote.getType());
        };
        return encode(kind, chainId, vote.getHeight(), vote.getRound(), false, 0, vote.getBlockId());
    }

    /**
     * The sign bytes of a proposal: its block's id rather than the block itself.
     *
     * @throws IllegalArgumentException if the proposal carries no block
     */
    public static byte[] of(final long chainId, final Proposal proposal) {
        if (!proposal.hasBlock()) {
            throw new IllegalArgumentException("a proposal must carry a block");
        }
        return encode(PROPOSAL_KIND, chainId, proposal.getHeight(), proposal.getRound(), true, proposal.getPolRound(),
                BlockId.of(proposal.getBlock()).bytes());
    }

    /** Whether a vote type is one of the two that sign bytes exist for. */
    static boolean isSignable(final VoteType type) {
        return type == VoteType.PREVOTE || type == VoteType.PRECOMMIT;
    }

    private static byte[] encode(final byte kind, final long chainId, final long height, final int round,
                                 final boolean withPolRound, final int polRound, final ByteString blockId) {
        if (!blockId.isEmpty() && blockId.size() != BlockId.LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "a block id has " + BlockId.LENGTH_BYTES + " bytes or none, got " + blockId.size());
        }
        final ByteBuffer buffer = ByteBuffer.allocate(DOMAIN_TAG.length + 1 + Long.BYTES + Long.BYTES + Integer.BYTES
                + (withPolRound ? Integer.BYTES : 0) + 1 + blockId.size());
        buffer.put(DOMAIN_TAG).put(kind).putLong(chainId).putLong(height).putInt(round);
        if (withPolRound) {
            buffer.putInt(polRound);
        }
        buffer.put((byte) blockId.size());
        blockId.copyTo(buffer);
        Verify.that(!buffer.hasRemaining(), "sign bytes must fill their buffer exactly");
        return buffer.array();
    }
}
