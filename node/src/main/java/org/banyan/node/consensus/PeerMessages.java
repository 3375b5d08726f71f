package org.banyan.node.consensus;

import org.banyan.consensus.ConsensusMessage;
import org.banyan.protocol.p2p.PeerMessage;

/** Wraps consensus messages in p2p frames. */
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
}
