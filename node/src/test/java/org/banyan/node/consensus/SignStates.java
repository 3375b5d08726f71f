package org.banyan.node.consensus;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.RoundValue;
import org.banyan.consensus.SignState;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/** Sign states for tests: a height, round, last signed message kind (0 none, 1 proposal, 2 vote) and lock/valid bits. */
final class SignStates {

    private SignStates() {
    }

    static SignState state(final long height, final int round, final int lastKind, final int values) {
        final Block block = Block.newBuilder().setHeight(height).setCloseTime(round + 1L)
            .setPreviousHash(ByteString.copyFrom(new byte[32])).setProposer("did:bid:proposer").build();
        final Optional<ConsensusMessage> last = switch (lastKind) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new ConsensusMessage.ProposalMessage(Proposal.newBuilder().setHeight(height)
                .setRound(round).setPolRound(-1).setBlock(block).setProposer("did:bid:proposer")
                .setSignature(ByteString.copyFrom(new byte[64])).build()));
            default -> Optional.of(new ConsensusMessage.VoteMessage(Vote.newBuilder().setHeight(height)
                .setRound(round).setType(VoteType.PRECOMMIT).setBlockId(ByteString.copyFrom(new byte[32]))
                .setValidator("did:bid:voter").setSignature(ByteString.copyFrom(new byte[64])).build()));
        };
        final Optional<RoundValue> locked = (values & 1) != 0 ? Optional.of(RoundValue.of(round, block))
            : Optional.empty();
        final Optional<RoundValue> valid = (values & 2) != 0 ? Optional.of(RoundValue.of(round, block))
            : Optional.empty();
        return new SignState(height, last, locked, valid);
    }
}
