package org.banyan.ledger;

import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.Transaction;

/**
 * Validates a transaction against state and applies it, BIF style: a transaction that passes the
 * preconditions pays its fee and consumes its nonce even if an operation then fails; its operations
 * run in a child overlay that is kept only if all of them succeed.
 */
final class TransactionExecutor {

    /** How strictly the preconditions are applied. */
    enum Mode {
        /** Entering the mempool: a future nonce may wait for the gap to fill. */
        ADMISSION,
        /** Closing a ledger: the nonce must be the next one. */
        CLOSE,
        /** testTransaction: price it without signatures or nonce. */
        EVALUATION
    }

    /** What applying one transaction did. */
    sealed interface Execution permits Included, Excluded {
    }

    /** The transaction is in the ledger; {@code error} is empty when all its operations succeeded. */
    record Included(long actualFee, Optional<LedgerError> error) implements Execution {
    }

    /** The transaction cannot enter this ledger and changed nothing. */
    record Excluded(LedgerError error) implements Execution {
    }

    private TransactionExecutor() {
    }

    /**
     * Checks everything that must hold before a transaction may pay its fee. In ADMISSION mode
     * {@code state} is the committed state and a nonce above the next one is accepted.
     */
    static Optional<LedgerError> preconditions(final StateReader state, final Transaction transaction,
                                               final int sizeBytes, final java.util.Set<String> signers,
                                               final ExecutionContext context, final Mode mode) {
        final Genesis genesis = context.genesis();
        final long chainId = transaction.getChainId();
        if (chainId != genesis.chainId() && !(chainId == 0 && genesis.acceptUnspecifiedChainId())) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "chain_id " + chainId + " does not match this chain's id " + genesis.chainId());
        }
        if (transaction.getCeilLedgerSeq() > 0 && transaction.getCeilLedgerSeq() < context.ledgerSeq()) {
            return error(ERRORCODE.ERRCODE_TX_TIMEOUT, "the transaction expired: ceil_ledger_seq "
                + transaction.getCeilLedgerSeq() + " is below ledger " + context.ledgerSeq());
        }
        if (mode != Mode.EVALUATION && transaction.getGasPrice() < genesis.fees().minGasPrice()) {
            return error(ERRORCODE.ERRCODE_FEE_INVALID, "gas_price " + transaction.getGasPrice()
                + " is below this chain's minimum " + genesis.fees().minGasPrice());
        }
        final Optional<Account> source = state.account(transaction.getSourceAddress());
        if (source.isEmpty()) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_NOT_EXIST,
                "source account " + transaction.getSourceAddress() + " does not exist");
        }
        final long expectedNonce = source.get().getNonce() + 1;
        if (mode == Mode.CLOSE ? transaction.getNonce() != expectedNonce
            : mode == Mode.ADMISSION && transaction.getNonce() < expectedNonce) {
            return error(ERRORCODE.ERRCODE_BAD_SEQUENCE, "nonce " + transaction.getNonce() + " is not valid: the account's"
                + " nonce is " + source.get().getNonce() + ", so the next transaction must use " + expectedNonce);
        }
        final Optional<LedgerError> refusal = policyRefusal(state, transaction, context);
        if (refusal.isPresent() || mode == Mode.EVALUATION) {
            return refusal;
        }
        final long fee;
        try {
            fee = Math.multiplyExact((long) sizeBytes, transaction.getGasPrice());
        } catch (final ArithmeticException e) {
            return error(ERRORCODE.ERRCODE_FEE_INVALID, "the fee overflows: gas_price is too large");
        }
        if (fee > transaction.getFeeLimit()) {
            return error(ERRORCODE.ERRCODE_FEE_NOT_ENOUGH, "fee_limit " + transaction.getFeeLimit()
                + " is below the fee " + fee + " (" + sizeBytes + " bytes x gas_price " + transaction.getGasPrice() + ")");
        }
        final long reserve = genesis.fees().baseReserve();
        if (source.get().getBalance() - reserve < transaction.getFeeLimit()) {
            return error(ERRORCODE.ERRCODE_FEE_NOT_ENOUGH, "balance " + source.get().getBalance() + " of "
                + transaction.getSourceAddress() + " minus the base reserve " + reserve
                + " does not cover fee_limit " + transaction.getFeeLimit());
        }
        if (!Privileges.authorizesTransaction(source.get(), signers)) {
            return error(ERRORCODE.ERRCODE_INVALID_SIGNATURE, "the signatures carry weight "
                + Privileges.weight(source.get(), signers) + ", below the tx_threshold "
                + source.get().getPriv().getThresholds().getTxThreshold() + " of " + transaction.getSourceAddress());
        }
        return Optional.empty();
    }

    /** The first refusal of the chain's transaction policies, in registration order. */
    private static Optional<LedgerError> policyRefusal(final StateReader state, final Transaction transaction,
                                                       final ExecutionContext context) {
        if (context.contracts().policies().isEmpty()) {
            return Optional.empty();
        }
        final PolicyContext view = new PolicyContext() {
            @Override
            public long ledgerSeq() {
                return context.ledgerSeq();
            }

            @Override
            public Genesis genesis() {
                return context.genesis();
            }

            @Override
            public java.util.List<Validator> validators() {
                return context.validators();
            }

            @Override
            public Optional<Account> account(final String address) {
                return state.account(address);
            }

            @Override
            public Optional<String> metadata(final String address, final String key) {
                return state.metadata(address, key).map(org.banyan.protocol.KeyPair::getValue);
            }
        };
        for (final TransactionPolicy policy : context.contracts().policies()) {
            final Optional<LedgerError> refusal = policy.refusal(transaction, view);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Applies {@code transaction} to {@code block}, which is changed only if the result is {@link Included}. */
    static Execution execute(final StateOverlay block, final Transaction transaction, final int sizeBytes,
                             final java.util.Set<String> signers, final ExecutionContext context, final Mode mode) {
        Verify.that(mode != Mode.ADMISSION, "admission does not execute");
        final Optional<LedgerError> precondition = preconditions(block, transaction, sizeBytes, signers, context, mode);
        if (precondition.isPresent()) {
            return new Excluded(precondition.get());
        }
        final long fee = Math.multiplyExact((long) sizeBytes, transaction.getGasPrice());
        final Account.Builder source = block.edit(transaction.getSourceAddress()).orElseThrow();
        source.setBalance(source.getBalance() - fee).setNonce(transaction.getNonce());

        final StateOverlay operations = new StateOverlay(block);
        final OperationExecutor executor = new OperationExecutor(operations, context);
        for (int index = 0; index < transaction.getOperationsCount(); index++) {
            final Operation operation = transaction.getOperations(index);
            final Optional<LedgerError> failure = applyOperation(operations, executor, transaction, operation, signers, mode);
            if (failure.isPresent()) {
                final LedgerError cause = failure.get();
                return new Included(fee, Optional.of(new LedgerError(cause.code(),
                    "operation " + index + " (" + operation.getType() + ") failed: " + cause.message())));
            }
        }
        operations.mergeInto(block);
        return new Included(fee, Optional.empty());
    }

    private static Optional<LedgerError> applyOperation(final StateOverlay state, final OperationExecutor executor,
                                                        final Transaction transaction, final Operation operation,
                                                        final java.util.Set<String> signers, final Mode mode) {
        final String sourceAddress = operation.getSourceAddress().isEmpty()
            ? transaction.getSourceAddress() : operation.getSourceAddress();
        final Optional<Account.Builder> source = state.edit(sourceAddress);
        if (source.isEmpty()) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_NOT_EXIST, "source account " + sourceAddress + " does not exist");
        }
        if (mode != Mode.EVALUATION && !Privileges.authorizesOperation(source.get().build(), operation.getType(), signers)) {
            return error(ERRORCODE.ERRCODE_INVALID_SIGNATURE, "the signatures do not carry the weight "
                + sourceAddress + " requires for " + operation.getType());
        }
        return executor.apply(operation, source.get());
    }

    private static Optional<LedgerError> error(final ERRORCODE code, final String message) {
        return Optional.of(new LedgerError(code, message));
    }
}
