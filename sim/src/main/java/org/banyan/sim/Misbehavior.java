package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.SignBytes;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;

/**
 * The equivocations a Byzantine node commits on top of the correct core's output: a second vote or a second proposal
 * for the same slot, signed with the node's own key. The node sends the original to half its peers and this one to
 * the other half.
 */
final class Misbehavior {

    private Misbehavior() {
    }

    /** The conflicting second message this node signs for {@code message}, if its role equivocates on it. */
    static Optional<ConsensusMessage> conflictingTwin(final SimNode node, final ConsensusMessage message) {
        if (!message.sender().equals(node.address)) {
            return Optional.empty();
        }
        final boolean doubleVotes = node.byzantine.equals(Optional.of(ByzantineBehavior.DOUBLE_VOTER))
                || node.bug.equals(Optional.of(InjectedBug.VOTE_TWICE));
        if (doubleVotes && message instanceof ConsensusMessage.VoteMessage vote) {
            return Optional.of(conflictingVote(node, vote.vote()));
        }
        if (node.byzantine.equals(Optional.of(ByzantineBehavior.EQUIVOCATING_PROPOSER))
                && message instanceof ConsensusMessage.ProposalMessage proposal) {
            return Optional.of(conflictingProposal(node, proposal.proposal()));
        }
        return Optional.empty();
    }

    /** A vote signed with the node's own key: Byzantine nodes forge nothing. */
    static ConsensusMessage signed(final SimNode node, final Vote unsigned) {
        return new ConsensusMessage.VoteMessage(unsigned.toBuilder().setSignature(
                ByteString.copyFrom(node.key.sign(SignBytes.of(World.CHAIN_ID, unsigned)))).build());
    }

    /** A block id no block has, different for each seed value. */
    static ByteString inventedBlockId(final long... seed) {
        final ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * seed.length);
        for (final long value : seed) {
            bytes.putLong(value);
        }
        return idOf(bytes.array());
    }

    /** Nil where the original named a block, and an invented block where it was nil. */
    private static ConsensusMessage conflictingVote(final SimNode node, final Vote vote) {
        final ByteString otherValue = vote.getBlockId().isEmpty() ? inventedBlockId(vote) : ByteString.EMPTY;
        return signed(node, vote.toBuilder().setBlockId(otherValue).clearSignature().build());
    }

    /** The same block one microsecond later: equally valid, but another id. */
    private static ConsensusMessage conflictingProposal(final SimNode node, final Proposal proposal) {
        final Proposal unsigned = proposal.toBuilder()
                .setBlock(proposal.getBlock().toBuilder().setCloseTime(proposal.getBlock().getCloseTime() + 1))
                .clearSignature().build();
        return new ConsensusMessage.ProposalMessage(unsigned.toBuilder().setSignature(
                ByteString.copyFrom(node.key.sign(SignBytes.of(World.CHAIN_ID, unsigned)))).build());
    }

    private static ByteString inventedBlockId(final Vote vote) {
        return idOf(ByteBuffer.allocate(12).putLong(vote.getHeight()).putInt(vote.getRound()).array());
    }

    private static ByteString idOf(final byte[] seed) {
        final byte[] id = Hashes.sha256(seed);
        Verify.that(id.length == BlockId.LENGTH_BYTES, "an invented id has the length of a real one");
        return ByteString.copyFrom(id);
    }
}
