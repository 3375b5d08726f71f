package org.banyan.ledger;

/**
 * A privilege beyond reading state and writing its own metadata that a system contract receives only when it is
 * registered with it ({@link SystemContracts#with(SystemContract, java.util.Set)}), so that a contract cannot reach
 * consensus-critical state merely by being registered.
 */
public enum SystemContractCapability {

    /** May schedule the chain's next validator set ({@link CallContext#scheduleValidators}). */
    SCHEDULE_VALIDATORS
}
