package org.banyan.ledger;

/**
 * What a system contract call may do beyond reading: learn who called it, write its own metadata, and count work
 * across the calls of one transaction. Writes land in the transaction's overlay and are kept only if the whole
 * transaction succeeds.
 */
public interface CallContext extends QueryContext {

    /**
     * The operation's source account: the caller, whose signatures the ledger has already checked against that
     * account's thresholds.
     */
    String sourceAddress();

    /**
     * Stores {@code value} under {@code key} in the contract account's metadata, bumping its version. The key must be
     * 1 to {@link Limits#MAX_METADATA_KEY_BYTES} bytes and the value at most {@link Limits#MAX_METADATA_VALUE_BYTES}:
     * a contract writing more is a bug.
     */
    void putMetadata(String key, String value);

    /**
     * Adds {@code items} to this contract's count for the current transaction and returns the new total, so a
     * contract can cap work per transaction (the DDO contract's 100 documents) across several calls in it.
     */
    int countInTransaction(int items);

    /**
     * Schedules {@code validators} as the chain's validator set from {@link ValidatorSetContract#ACTIVATION_DELAY}
     * ledgers after this one, replacing the whole set; a later schedule in the same ledger wins. Only a contract
     * registered with {@link SystemContractCapability#SCHEDULE_VALIDATORS} may call it: for any other it is a bug.
     */
    void scheduleValidators(java.util.List<Validator> validators);
}
