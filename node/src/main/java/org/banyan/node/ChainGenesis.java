package org.banyan.node;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.banyan.chaingroup.ChainRole;
import org.banyan.crypto.BidSyntax;
import org.banyan.ledger.Genesis;

/**
 * What the genesis file defines: the ledger's first state and rules, and, for a sub-chain, its AC code. The AC code
 * decides which BIDs the chain's DDO contract keeps ({@code did:bid:<ac>:…} on a sub-chain, AC-code documents and
 * main-chain BIDs on the main chain), so every node of a chain must read it from the same genesis.
 */
public record ChainGenesis(Genesis genesis, Optional<String> acCode) {

    /**
     * Puts the AC code among the genesis rules ({@link ChainRole#AC_CODE}), so that the genesis hash covers it and the
     * chain-group contracts see the chain's role.
     */
    public ChainGenesis {
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(acCode, "acCode");
        acCode.ifPresent(code -> {
            if (!BidSyntax.isAcCode(code)) {
                throw new IllegalArgumentException("the AC code must be 4 lower-case letters or digits, got '" + code + "'");
            }
        });
        final Optional<String> ruled = genesis.rule(ChainRole.AC_CODE);
        if (ruled.isPresent() && !ruled.equals(acCode)) {
            throw new IllegalArgumentException("the genesis rule " + ChainRole.AC_CODE + " '" + ruled.get()
                + "' does not match the chain's AC code " + acCode.map(code -> "'" + code + "'").orElse("(none)"));
        }
        if (ruled.isEmpty() && acCode.isPresent()) {
            final Map<String, String> rules = new TreeMap<>(genesis.rules());
            rules.put(ChainRole.AC_CODE, acCode.get());
            genesis = genesis.withRules(rules);
        }
    }

    /** This chain's place in the chain group. */
    public ChainRole role() {
        return ChainRole.of(genesis);
    }

    /** The main chain with this genesis. */
    public static ChainGenesis mainChain(final Genesis genesis) {
        return new ChainGenesis(genesis, Optional.empty());
    }
}
