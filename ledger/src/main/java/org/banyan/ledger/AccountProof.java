package org.banyan.ledger;

import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;
import org.banyan.trie.StateProof;

/**
 * An account (or its absence) in one ledger, with the Merkle proof against that header's
 * {@code account_tree_hash}. {@code accountBlob} is the exact serialized account the tree commits to.
 */
public record AccountProof(LedgerHeader header, Optional<Account> account, Optional<byte[]> accountBlob,
                           StateProof proof) {
}
