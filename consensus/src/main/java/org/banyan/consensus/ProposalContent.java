package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * What the shell supplies for a block this node proposes: transactions from its mempool, the close time from its
 * clock, and the hash of the ledger header its execution of the previous height produced. The core adds everything
 * consensus decides itself: height, parent, last commit, evidence, this height's and the next height's validators
 * hashes, and proposer.
 *
 * @param previousLedgerHash the hash of the last committed ledger header (the genesis ledger's before the first
 *     height), which the block's {@code previous_ledger_hash} commits to
 */
public record ProposalContent(List<SignedTransaction> transactions, long closeTimeMicros,
                              ByteString previousLedgerHash) {

    /** Length of a ledger header hash: SHA-256. */
    public static final int LEDGER_HASH_LENGTH_BYTES = 32;

    public ProposalContent {
        transactions = List.copyOf(transactions);
        Objects.requireNonNull(previousLedgerHash, "previousLedgerHash");
        if (previousLedgerHash.size() != LEDGER_HASH_LENGTH_BYTES) {
            throw new IllegalArgumentException("a ledger header hash has " + LEDGER_HASH_LENGTH_BYTES
                    + " bytes, got " + previousLedgerHash.size());
        }
    }
}
