package org.banyan.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.ControlledArea;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.OperationSetControlledArea;
import org.banyan.protocol.OperationSetMetadata;
import org.banyan.protocol.OperationSetPrivilege;
import org.banyan.protocol.OperationSetSignerWeight;
import org.banyan.protocol.OperationSetThreshold;

/**
 * Applies one operation to a transaction's overlay, with BIF 1.x semantics (bumo's {@code OperationFrm}).
 * Shape checks were done at submission ({@link TransactionShape}); here only state decides. On an error
 * the caller discards the whole overlay, so an operation may leave partial changes behind when it fails.
 */
final class OperationExecutor {

    private final StateOverlay state;
    private final ExecutionContext context;
    /** Items each system contract counted in this transaction (see {@link CallContext#countInTransaction}). */
    private final Map<String, Integer> contractCounts = new HashMap<>();

    OperationExecutor(final StateOverlay state, final ExecutionContext context) {
        this.state = state;
        this.context = context;
    }

    Optional<LedgerError> apply(final Operation operation, final Account.Builder source) {
        return switch (operation.getType()) {
            case CREATE_ACCOUNT -> createAccount(operation.getCreateAccount(), source);
            case SET_METADATA -> setMetadata(operation.getSetMetadata(), source.getAddress());
            case SET_SIGNER_WEIGHT -> setSignerWeight(operation.getSetSignerWeight(), source);
            case SET_THRESHOLD -> setThreshold(operation.getSetThreshold(), source);
            case PAY_COIN -> payCoin(operation.getPayCoin(), source);
            case LOG -> Optional.empty();
            case SET_PRIVILEGE -> setPrivilege(operation.getSetPrivilege(), source);
            case SET_CONTROLLED_AREA -> setControlledArea(operation.getSetControlledArea(), source.getAddress());
            default -> error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "operation type " + operation.getType() + " is not supported");
        };
    }

    private Optional<LedgerError> createAccount(final OperationCreateAccount create, final Account.Builder source) {
        final String dest = create.getDestAddress();
        if (context.contracts().find(dest).isPresent()) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_DEST_EXIST, "account " + dest + " is a system contract");
        }
        if (state.account(dest).isPresent()) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_DEST_EXIST, "account " + dest + " already exists");
        }
        final long reserve = context.genesis().fees().baseReserve();
        if (create.getInitBalance() < reserve) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_INIT_LOW_RESERVE, "init_balance " + create.getInitBalance()
                + " is below the base reserve " + reserve);
        }
        if (source.getBalance() - reserve < create.getInitBalance()) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_LOW_RESERVE, "balance " + source.getBalance() + " of "
                + source.getAddress() + " minus the base reserve " + reserve + " cannot fund init_balance " + create.getInitBalance());
        }
        source.setBalance(source.getBalance() - create.getInitBalance());
        state.create(Account.newBuilder()
            .setAddress(dest)
            .setBalance(create.getInitBalance())
            .setPriv(create.getPriv())
            .build());
        for (final KeyPair metadata : create.getMetadatasList()) {
            state.putMetadata(dest, metadata.toBuilder().setVersion(1).build());
        }
        return Optional.empty();
    }

    private Optional<LedgerError> setMetadata(final OperationSetMetadata set, final String address) {
        final Optional<KeyPair> existing = state.metadata(address, set.getKey());
        final long version = set.getVersion();
        if (set.getDeleteFlag()) {
            if (existing.isEmpty()) {
                return error(ERRORCODE.ERRCODE_NOT_EXIST, "metadata key '" + set.getKey() + "' does not exist");
            }
            if (version != 0 && existing.get().getVersion() != version) {
                return error(ERRORCODE.ERRCODE_INVALID_DATAVERSION, "metadata version " + version
                    + " does not match the stored version " + existing.get().getVersion());
            }
            state.deleteMetadata(address, set.getKey());
            return Optional.empty();
        }
        if (existing.isPresent()) {
            final long next = existing.get().getVersion() + 1;
            if (version != 0 && version != next) {
                return error(ERRORCODE.ERRCODE_INVALID_DATAVERSION, "metadata version must be " + next + " (stored "
                    + existing.get().getVersion() + " plus one), was " + version);
            }
            state.putMetadata(address, existing.get().toBuilder().setValue(set.getValue()).setVersion(next).build());
            return Optional.empty();
        }
        if (version != 0 && version != 1) {
            return error(ERRORCODE.ERRCODE_INVALID_DATAVERSION, "a new metadata key starts at version 1, was " + version);
        }
        state.putMetadata(address, KeyPair.newBuilder().setKey(set.getKey()).setValue(set.getValue()).setVersion(1).build());
        return Optional.empty();
    }

    private Optional<LedgerError> setSignerWeight(final OperationSetSignerWeight set, final Account.Builder source) {
        final AccountPrivilege.Builder privilege = source.getPrivBuilder();
        if (set.getMasterWeight() >= 0) {
            privilege.setMasterWeight(set.getMasterWeight());
        }
        Privileges.updateSigners(privilege, set.getSignersList());
        return checkSignerCount(privilege);
    }

    private Optional<LedgerError> setThreshold(final OperationSetThreshold set, final Account.Builder source) {
        final AccountThreshold.Builder thresholds = source.getPrivBuilder().getThresholdsBuilder();
        if (set.getTxThreshold() >= 0) {
            thresholds.setTxThreshold(set.getTxThreshold());
        }
        Privileges.updateTypeThresholds(thresholds, set.getTypeThresholdsList());
        return Optional.empty();
    }

    private Optional<LedgerError> setPrivilege(final OperationSetPrivilege set, final Account.Builder source) {
        final AccountPrivilege.Builder privilege = source.getPrivBuilder();
        if (!set.getMasterWeight().isEmpty()) {
            privilege.setMasterWeight(Long.parseLong(set.getMasterWeight()));
        }
        Privileges.updateSigners(privilege, set.getSignersList());
        if (!set.getTxThreshold().isEmpty()) {
            privilege.getThresholdsBuilder().setTxThreshold(Long.parseLong(set.getTxThreshold()));
        }
        Privileges.updateTypeThresholds(privilege.getThresholdsBuilder(), set.getTypeThresholdsList());
        return checkSignerCount(privilege);
    }

    private static Optional<LedgerError> checkSignerCount(final AccountPrivilege.Builder privilege) {
        if (privilege.getSignersCount() > Limits.MAX_SIGNERS) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "an account may have at most " + Limits.MAX_SIGNERS + " signers");
        }
        return Optional.empty();
    }

    private Optional<LedgerError> payCoin(final OperationPayCoin pay, final Account.Builder source) {
        final Optional<SystemContract> contract = context.contracts().find(pay.getDestAddress());
        if (contract.isPresent()) {
            return callSystemContract(contract.get(), pay, source.getAddress());
        }
        final long reserve = context.genesis().fees().baseReserve();
        final long amount = pay.getAmount();
        if (source.getBalance() - reserve < amount) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_LOW_RESERVE, "balance " + source.getBalance() + " of "
                + source.getAddress() + " minus the base reserve " + reserve + " is not enough to pay " + amount);
        }
        final Account.Builder dest;
        final Optional<Account.Builder> existing = state.edit(pay.getDestAddress());
        if (existing.isPresent()) {
            dest = existing.get();
        } else {
            // PAY_COIN to an unknown address activates it, as BIF does, with the address's own key as signer.
            if (amount < reserve) {
                return error(ERRORCODE.ERRCODE_ACCOUNT_INIT_LOW_RESERVE, "paying " + amount + " to the new account "
                    + pay.getDestAddress() + " is below the base reserve " + reserve);
            }
            dest = state.create(Account.newBuilder()
                .setAddress(pay.getDestAddress())
                .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1)
                    .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))
                .build());
        }
        final long destBalance;
        try {
            destBalance = Math.addExact(dest.getBalance(), amount);
        } catch (final ArithmeticException e) {
            return error(ERRORCODE.ERRCODE_MATH_OVERFLOW, "the balance of " + pay.getDestAddress() + " would overflow");
        }
        source.setBalance(source.getBalance() - amount);
        dest.setBalance(destBalance);
        return Optional.empty();
    }

    /** System contracts hold no coin: a call carries amount 0, so no balance can end up in a keyless account. */
    private Optional<LedgerError> callSystemContract(final SystemContract contract, final OperationPayCoin pay,
                                                     final String sourceAddress) {
        if (pay.getAmount() != 0) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "a call to the system contract " + contract.address()
                + " carries amount 0, was " + pay.getAmount());
        }
        final CallResult result = contract.call(new OperationCallContext(state, contract.address(), pay.getInput(),
            sourceAddress, context, contractCounts));
        if (result instanceof CallResult.Failure failure) {
            return Optional.of(failure.error());
        }
        return Optional.empty();
    }

    private Optional<LedgerError> setControlledArea(final OperationSetControlledArea set, final String sourceAddress) {
        if (!sourceAddress.equals(context.genesis().governanceAccount())) {
            return error(ERRORCODE.ERRCODE_ACCESS_DENIED,
                "only the chain's governance account may set a controlled area");
        }
        final Optional<Account.Builder> dest = state.edit(set.getDestAddress());
        if (dest.isEmpty()) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_NOT_EXIST, "account " + set.getDestAddress() + " does not exist");
        }
        final ControlledArea.Builder area = dest.get().getControlledAreaBuilder();
        if (set.getSTrusted()) {
            area.setTrusted(set.getTrusted());
        }
        if (set.getSStatus()) {
            area.setStatus(set.getStatus());
        }
        final List<KeyPair> attributes = new ArrayList<>(area.getAttributesList());
        for (final KeyPair change : set.getAttributesList()) {
            attributes.removeIf(existing -> existing.getKey().equals(change.getKey()));
            attributes.add(change);
        }
        area.clearAttributes().addAllAttributes(attributes);
        return Optional.empty();
    }

    private static Optional<LedgerError> error(final ERRORCODE code, final String message) {
        return Optional.of(new LedgerError(code, message));
    }
}
