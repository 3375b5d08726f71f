package org.banyan.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.banyan.chaingroup.ChainRole;

/**
 * What a network's genesis holds besides its nodes and genesis account: for a chain of a chain group, its AC code (a
 * sub-chain), its chain rules (the main chain's certification mode, a sub-chain's trust root in the main chain) and
 * further funded accounts (gateways that pay for relaying), and whether the validators' own accounts are funded (super
 * nodes pay for their governance votes).
 */
record ChainShape(Optional<String> acCode, Map<String, String> rules, List<String> fundedAccounts,
                  boolean fundValidators) {

    /**
     * A chain on its own, as {@code banyan genesis} and {@code banyan testnet} write it: a test network, open to
     * uncertified accounts.
     */
    static final ChainShape STANDALONE = new ChainShape(Optional.empty(), new ChainRole.Main(true).rules(), List.of(),
            false);

    /** Balance of each further funded account: 10,000 XHT, enough for years of votes and anchors. */
    static final long FUNDED_BALANCE = 10_000L * 100_000_000L;

    ChainShape {
        Objects.requireNonNull(acCode, "acCode");
        rules = Map.copyOf(rules);
        fundedAccounts = List.copyOf(fundedAccounts);
    }
}
