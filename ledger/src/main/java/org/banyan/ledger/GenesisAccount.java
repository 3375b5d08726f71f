package org.banyan.ledger;

import java.util.Objects;

/** An account that exists from the first ledger, with its balance in glowstone. */
public record GenesisAccount(String address, long balance) {

    public GenesisAccount {
        Objects.requireNonNull(address, "address");
        if (balance < 0) {
            throw new IllegalArgumentException("genesis balance of " + address + " must not be negative");
        }
    }
}
