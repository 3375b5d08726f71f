package org.banyan.node.consensus;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.banyan.consensus.SignState;
import org.banyan.consensus.StartPoint;
import org.banyan.ledger.Ledger;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;

/**
 * Where consensus stands on the committed ledger. Consensus height equals ledger seq; ledger 1 is genesis, so the
 * first consensus height is 2 and its parent id is the genesis ledger hash. A later parent is the id of the consensus
 * block stored with the ledger, or the ledger hash for a ledger closed without consensus (a chain first run solo).
 */
public final class ChainTip {

    private ChainTip() {
    }

    /** The id a block at {@code seq + 1} names as its parent. */
    public static ByteString parentId(final Ledger ledger, final long seq) {
        return ledger.committedBlock(seq).map(committed -> committed.getCertificate().getBlockId())
            .orElseGet(() -> ledger.header(seq).orElseThrow(
                () -> new IllegalStateException("the ledger has no header for seq " + seq)).getHash());
    }

    /** Where consensus starts after the last committed ledger, with the persisted sign state. */
    public static StartPoint startPoint(final Ledger ledger, final ValidatorSets validatorSets,
                                        final SignState signState) {
        final long last = ledger.lastHeader().getSeq();
        final Optional<CommitCertificate> lastCommit = ledger.committedBlock(last).map(CommittedBlock::getCertificate);
        return new StartPoint(last + 1, parentId(ledger, last), lastCommit, validatorSets.at(last + 1),
            validatorSets.at(last + 2), signState);
    }
}
