package org.banyan.chaingroup;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.banyan.ledger.LedgerError;
import org.banyan.ledger.PolicyContext;
import org.banyan.ledger.TransactionPolicy;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.Transaction;

/**
 * The main chain's gate when its genesis is not in open mode: every source of a transaction (its own and any
 * operation's) must be TRUSTED and ENABLED by the chain-group contract, a super node or the governance account, except
 * in a transaction whose every operation is a {@code requestCertification} call, which is how an account gets in.
 */
public final class MainChainGate implements TransactionPolicy {

    @Override
    public Optional<LedgerError> refusal(final Transaction transaction, final PolicyContext state) {
        if (onlyRequestsCertification(transaction)) {
            return Optional.empty();
        }
        final Set<String> sources = new LinkedHashSet<>();
        sources.add(transaction.getSourceAddress());
        transaction.getOperationsList().stream().map(Operation::getSourceAddress).filter(source -> !source.isEmpty())
            .forEach(sources::add);
        for (final String source : sources) {
            final Optional<String> refusal = refusal(source, state);
            if (refusal.isPresent()) {
                return Optional.of(new LedgerError(ERRORCODE.ERRCODE_ACCESS_DENIED, refusal.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(final String source, final PolicyContext state) {
        if (source.equals(state.genesis().governanceAccount())
            || state.validators().stream().anyMatch(validator -> validator.address().equals(source))) {
            return Optional.empty();
        }
        final Optional<Certification> certification = state.metadata(ChainGroupContract.ADDRESS,
            ChainGroupKeys.certification(source)).map(Json::stored).map(Certification::fromJson);
        if (certification.isPresent() && certification.get().admitted()) {
            return Optional.empty();
        }
        return Optional.of("the account " + source + " may not transact on this main chain: it is "
            + certification.map(Certification::describe).orElse("not certified (UNCERT)")
            + "; only TRUSTED and ENABLED accounts may, and any account may send a transaction of "
            + ChainGroupContract.REQUEST_CERTIFICATION + " calls");
    }

    private static boolean onlyRequestsCertification(final Transaction transaction) {
        if (transaction.getOperationsCount() == 0) {
            return false;
        }
        for (final Operation operation : transaction.getOperationsList()) {
            if (operation.getType() != Operation.Type.PAY_COIN
                || !operation.getPayCoin().getDestAddress().equals(ChainGroupContract.ADDRESS)
                || !isRequestCertification(operation.getPayCoin().getInput())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRequestCertification(final String input) {
        try {
            return Call.parse(input).method().equals(ChainGroupContract.REQUEST_CERTIFICATION);
        } catch (final Refusal malformed) {
            return false;
        }
    }
}
