package org.banyan.ledger;

import java.util.List;

/**
 * What execution may know beyond state: the ledger being closed, the chain's rules and its system contracts.
 *
 * @param validators the validators of {@code ledgerSeq}
 * @param latestValidators the last validator set scheduled before this ledger (it may take effect after it)
 */
record ExecutionContext(long ledgerSeq, long closeTimeMicros, Genesis genesis, SystemContracts contracts,
                        List<Validator> validators, List<Validator> latestValidators) {
}
