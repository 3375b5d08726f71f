package org.banyan.consensus;

import java.util.List;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * What the shell supplies for a block this node proposes: transactions from its mempool and the close time from its
 * clock. The core adds everything consensus decides itself: height, parent, last commit, evidence, validators hash
 * and proposer.
 */
public record ProposalContent(List<SignedTransaction> transactions, long closeTimeMicros) {

    public ProposalContent {
        transactions = List.copyOf(transactions);
    }
}
