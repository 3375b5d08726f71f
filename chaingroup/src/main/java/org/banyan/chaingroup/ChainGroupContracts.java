package org.banyan.chaingroup;

import java.util.Set;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.SystemContractCapability;
import org.banyan.ledger.SystemContracts;

/** The one entry point a node calls when it opens its ledger: the chain-group contracts and gate its role needs. */
public final class ChainGroupContracts {

    private ChainGroupContracts() {
    }

    /**
     * {@code contracts} plus what {@code genesis}'s {@link ChainRole} needs: on a main chain the chain-group contract
     * (allowed to schedule validator sets) and, unless open, the {@link MainChainGate}; on a sub-chain the
     * {@link MainChainClientContract} and the {@link SubChainGate}; on an unregistered sub-chain nothing.
     *
     * @throws IllegalArgumentException if the genesis rules do not give a valid role
     */
    public static SystemContracts register(final SystemContracts contracts, final Genesis genesis) {
        final ChainRole role = ChainRole.of(genesis);
        if (role instanceof ChainRole.Sub sub) {
            return contracts.with(new MainChainClientContract(sub)).withPolicy(new SubChainGate());
        }
        if (role instanceof ChainRole.Unregistered) {
            return contracts;
        }
        final SystemContracts main = contracts.with(new ChainGroupContract(),
            Set.of(SystemContractCapability.SCHEDULE_VALIDATORS));
        return ((ChainRole.Main) role).open() ? main : main.withPolicy(new MainChainGate());
    }
}
