package org.banyan.node;

import org.banyan.chaingroup.ChainGroupContracts;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.registry.TrustedRegistryContract;
import org.banyan.ledger.SystemContracts;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.Operation;

/**
 * The system contracts every node registers when it opens its ledger, decided in this one place so that all nodes of
 * a chain (dev and BFT alike) execute the same transactions the same way: the built-in ones, the DDO contract for the
 * chain's AC code, the trusted registry, and the chain-group contracts of the chain's role.
 */
public final class ChainContracts {

    private ChainContracts() {
    }

    /**
     * Does ahead of execution the work of the transaction's DDO calls that depends on their input alone
     * ({@link DdoContract#prepare}); safe on any thread, and a transaction without DDO calls costs a scan of its
     * operations.
     */
    public static void prepare(final VerifiedTransaction transaction) {
        for (final Operation operation : transaction.transaction().getOperationsList()) {
            if (operation.getType() == Operation.Type.PAY_COIN
                && operation.getPayCoin().getDestAddress().equals(DdoContract.ADDRESS)) {
                DdoContract.prepare(operation.getPayCoin().getInput());
            }
        }
    }

    /** The contracts of the chain that {@code chain} defines, with the chain-group contracts and gate of its role. */
    public static SystemContracts of(final ChainGenesis chain) {
        return ChainGroupContracts.register(SystemContracts.builtIn()
            .with(chain.acCode().map(DdoContract::subChain).orElseGet(DdoContract::mainChain))
            .with(new TrustedRegistryContract()), chain.genesis());
    }
}
