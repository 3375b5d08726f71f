package org.banyan.node;

import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.BidSyntax;
import org.banyan.ledger.Genesis;

/**
 * What the genesis file defines: the ledger's first state and rules, and, for a sub-chain, its AC code. The AC code
 * decides which BIDs the chain's DDO contract keeps ({@code did:bid:<ac>:…} on a sub-chain, AC-code documents and
 * main-chain BIDs on the main chain), so every node of a chain must read it from the same genesis.
 */
public record ChainGenesis(Genesis genesis, Optional<String> acCode) {

    public ChainGenesis {
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(acCode, "acCode");
        acCode.ifPresent(code -> {
            if (!BidSyntax.isAcCode(code)) {
                throw new IllegalArgumentException("the AC code must be 4 lower-case letters or digits, got '" + code + "'");
            }
        });
    }

    /** The main chain with this genesis. */
    public static ChainGenesis mainChain(final Genesis genesis) {
        return new ChainGenesis(genesis, Optional.empty());
    }
}
