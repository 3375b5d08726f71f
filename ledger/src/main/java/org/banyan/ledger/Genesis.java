package org.banyan.ledger;

import java.util.List;
import java.util.Objects;
import org.banyan.crypto.Address;

/**
 * The chain's first state, read from the genesis config file.
 *
 * @param acceptUnspecifiedChainId accept transactions with chain_id 0, as the official BIF SDK sends them.
 *     This lets a transaction signed for one chain be replayed on another chain where the same account
 *     exists with the same nonce; operators of several chains should turn it off.
 */
public record Genesis(long chainId, boolean acceptUnspecifiedChainId, long closeTimeMicros, String governanceAccount,
                      List<GenesisAccount> accounts, List<Validator> validators, FeeSchedule fees) {

    public Genesis {
        Objects.requireNonNull(governanceAccount, "governanceAccount");
        Objects.requireNonNull(fees, "fees");
        accounts = List.copyOf(accounts);
        validators = List.copyOf(validators);
        if (chainId < 0) {
            throw new IllegalArgumentException("chain id must not be negative");
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("genesis must fund at least one account");
        }
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("genesis must name at least one validator");
        }
        requireAddress(governanceAccount, "governance account");
        accounts.forEach(account -> requireAddress(account.address(), "genesis account"));
        if (validators.size() > Limits.MAX_VALIDATORS) {
            throw new IllegalArgumentException("genesis names " + validators.size() + " validators; at most "
                + Limits.MAX_VALIDATORS + " are allowed");
        }
        if (validators.stream().map(Validator::publicKey).distinct().count() != validators.size()) {
            throw new IllegalArgumentException("genesis lists a validator twice");
        }
        if (accounts.stream().map(GenesisAccount::address).distinct().count() != accounts.size()) {
            throw new IllegalArgumentException("genesis lists an account twice");
        }
        if (accounts.stream().mapToLong(GenesisAccount::balance).reduce(0L, Math::addExact) < 0) {
            throw new IllegalArgumentException("genesis balances overflow");
        }
    }

    private static void requireAddress(final String address, final String role) {
        if (Address.tryParse(address).isEmpty()) {
            throw new IllegalArgumentException(role + " '" + address + "' is not a valid BID address");
        }
    }
}
