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
 * A sub-chain's gate: an account that a supervision order of the main chain froze (applied through
 * {@link MainChainClientContract}) may not be the source of a transaction or of any of its operations.
 */
public final class SubChainGate implements TransactionPolicy {

    @Override
    public Optional<LedgerError> refusal(final Transaction transaction, final PolicyContext state) {
        final Set<String> sources = new LinkedHashSet<>();
        sources.add(transaction.getSourceAddress());
        transaction.getOperationsList().stream().map(Operation::getSourceAddress).filter(source -> !source.isEmpty())
            .forEach(sources::add);
        for (final String source : sources) {
            final Optional<Long> order = FrozenAccounts.frozenBy(state.metadata(MainChainClientContract.ADDRESS,
                ChainGroupKeys.frozen(source)));
            if (order.isPresent()) {
                return Optional.of(new LedgerError(ERRORCODE.ERRCODE_ACCESS_DENIED, "the account " + source
                    + " is DISABLED on this sub-chain by supervision order " + order.get() + " of the main chain"));
            }
        }
        return Optional.empty();
    }
}
