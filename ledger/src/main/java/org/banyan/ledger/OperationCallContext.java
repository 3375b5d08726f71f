package org.banyan.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.Contract;
import org.banyan.protocol.KeyPair;

/**
 * The {@link CallContext} of one system contract call inside a transaction: reads and writes go to the transaction's
 * overlay, so a failed transaction discards them.
 */
final class OperationCallContext extends StateQueryContext implements CallContext {

    private final StateOverlay state;
    private final String sourceAddress;
    private final SystemContracts contracts;
    /** Items counted per contract address in the current transaction; owned by the transaction's executor. */
    private final Map<String, Integer> transactionCounts;

    OperationCallContext(final StateOverlay state, final String contractAddress, final String input,
                         final String sourceAddress, final ExecutionContext execution,
                         final Map<String, Integer> transactionCounts) {
        super(state, contractAddress, input, execution.ledgerSeq(), execution.closeTimeMicros(), execution.genesis(),
            execution.validators(), execution.latestValidators());
        this.state = state;
        this.contracts = execution.contracts();
        this.sourceAddress = sourceAddress;
        this.transactionCounts = transactionCounts;
    }

    @Override
    public String sourceAddress() {
        return sourceAddress;
    }

    @Override
    public void putMetadata(final String key, final String value) {
        final int keyBytes = TransactionShape.utf8Length(key);
        Verify.that(keyBytes > 0 && keyBytes <= Limits.MAX_METADATA_KEY_BYTES,
            "a system contract wrote a metadata key of " + keyBytes + " bytes");
        Verify.that(TransactionShape.utf8Length(value) <= Limits.MAX_METADATA_VALUE_BYTES,
            "a system contract wrote a metadata value over " + Limits.MAX_METADATA_VALUE_BYTES + " bytes");
        contractAccount();
        final long version = state.metadata(contractAddress(), key).map(KeyPair::getVersion).orElse(0L) + 1;
        state.putMetadata(contractAddress(), KeyPair.newBuilder().setKey(key).setValue(value).setVersion(version).build());
    }

    @Override
    public int countInTransaction(final int items) {
        Verify.that(items >= 0, "a count cannot go down");
        return transactionCounts.merge(contractAddress(), items, Math::addExact);
    }

    @Override
    public void scheduleValidators(final List<Validator> validators) {
        Verify.that(contracts.grants(contractAddress(), SystemContractCapability.SCHEDULE_VALIDATORS),
            "the system contract at " + contractAddress() + " was not granted the right to schedule validators");
        Verify.that(!validators.isEmpty() && validators.size() <= Limits.MAX_VALIDATORS
                && validators.stream().map(Validator::publicKey).distinct().count() == validators.size(),
            "a scheduled validator set must hold 1 to " + Limits.MAX_VALIDATORS + " distinct validators");
        state.setPendingValidators(validators);
    }

    @Override
    public List<Validator> latestValidators() {
        return state.scheduledValidators().orElseGet(super::latestValidators);
    }

    /**
     * The contract's account, created on its first write: keyless (master weight 0 below a threshold of 1, so no
     * signature can act for it) and marked {@code SYSTEM}. An account someone activated at this address before the
     * contract was registered is turned into the contract account the same way.
     */
    private void contractAccount() {
        final Optional<Account.Builder> existing = state.edit(contractAddress());
        final Account.Builder account = existing.orElseGet(() ->
            state.create(Account.newBuilder().setAddress(contractAddress()).build()));
        if (!account.hasContract() || account.getContract().getType() != Contract.ContractType.SYSTEM) {
            account.setPriv(AccountPrivilege.newBuilder().setMasterWeight(0)
                    .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))
                .setContract(Contract.newBuilder().setType(Contract.ContractType.SYSTEM));
        }
    }
}
