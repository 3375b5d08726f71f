package org.banyan.node.consensus;

import org.banyan.consensus.ConsensusMessage;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.p2p.PeerMessage;

/** Wraps consensus messages in p2p frames, and names them in logs. */
final class PeerMessages {

    private PeerMessages() {
    }

    /** The frame that carries a proposal or a vote. */
    static PeerMessage of(final ConsensusMessage message) {
        if (message instanceof ConsensusMessage.ProposalMessage proposal) {
            return PeerMessage.newBuilder().setProposal(proposal.proposal()).build();
        }
        return PeerMessage.newBuilder().setVote(((ConsensusMessage.VoteMessage) message).vote()).build();
    }

    /** A proposal or vote in a few words, for DEBUG logs: kind, height, round, signer, and nil for nil votes. */
    static String describe(final ConsensusMessage message) {
        if (message instanceof ConsensusMessage.ProposalMessage proposal) {
            return "proposal h" + proposal.height() + " r" + proposal.proposal().getRound() + " by "
                + proposal.proposal().getProposer();
        }
        final Vote vote = ((ConsensusMessage.VoteMessage) message).vote();
        return vote.getType() + " h" + vote.getHeight() + " r" + vote.getRound() + " by " + vote.getValidator()
            + (vote.getBlockId().isEmpty() ? " nil" : "");
    }
}
