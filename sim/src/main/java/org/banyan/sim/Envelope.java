package org.banyan.sim;

import java.util.List;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.SignedTransaction;

/** What simulated nodes send each other: the p2p layer's message kinds, reduced to what consensus needs. */
sealed interface Envelope {

    /** A proposal or vote. */
    record Consensus(ConsensusMessage message) implements Envelope {
    }

    /** A client transaction, gossiped from the node it was submitted to. */
    record Transaction(SignedTransaction transaction) implements Envelope {
    }

    /** "I am at this height": a peer ahead answers with the committed blocks the sender lacks. */
    record Status(long height) implements Envelope {
    }

    /** Committed blocks with their certificates, for block sync. */
    record Blocks(List<CommittedBlock> blocks) implements Envelope {
        public Blocks {
            blocks = List.copyOf(blocks);
        }
    }
}
