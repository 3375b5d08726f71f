package org.banyan.ledger;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.banyan.crypto.Address;

/**
 * The chain's first state, read from the genesis config file.
 *
 * @param acceptUnspecifiedChainId accept transactions with chain_id 0, as the official BIF SDK sends them.
 *     This lets a transaction signed for one chain be replayed on another chain where the same account
 *     exists with the same nonce; operators of several chains should turn it off.
 * @param rules chain rules of modules above the ledger (an AC code, a main chain's trust root, an open mode), sorted
 *     by key. The ledger does not interpret them, but the genesis ledger hash commits to them, so nodes that disagree
 *     on a rule refuse each other's chain. A genesis without rules hashes exactly as before rules existed.
 */
public record Genesis(long chainId, boolean acceptUnspecifiedChainId, long closeTimeMicros, String governanceAccount,
                      List<GenesisAccount> accounts, List<Validator> validators, FeeSchedule fees,
                      SortedMap<String, String> rules) {

    /** Rules a genesis may carry: a handful of module settings, with room to spare. */
    public static final int MAX_RULES = 64;

    /** Bytes of a rule key: a dotted name such as {@code main_chain.validators}. */
    public static final int MAX_RULE_KEY_BYTES = 128;

    /** Bytes of a rule value: room for a JSON list of {@link Limits#MAX_VALIDATORS} validators and their powers. */
    public static final int MAX_RULE_VALUE_BYTES = 64 * 1024;

    /** A genesis without chain rules for the modules above the ledger. */
    public Genesis(final long chainId, final boolean acceptUnspecifiedChainId, final long closeTimeMicros,
                   final String governanceAccount, final List<GenesisAccount> accounts, final List<Validator> validators,
                   final FeeSchedule fees) {
        this(chainId, acceptUnspecifiedChainId, closeTimeMicros, governanceAccount, accounts, validators, fees,
            new TreeMap<>());
    }

    public Genesis {
        Objects.requireNonNull(governanceAccount, "governanceAccount");
        Objects.requireNonNull(fees, "fees");
        accounts = List.copyOf(accounts);
        validators = List.copyOf(validators);
        rules = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(rules, "rules")));
        checkRules(rules);
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

    /** This genesis with {@code rules} in place of its rules. */
    public Genesis withRules(final Map<String, String> rules) {
        return new Genesis(chainId, acceptUnspecifiedChainId, closeTimeMicros, governanceAccount, accounts, validators,
            fees, new TreeMap<>(rules));
    }

    /** The rule named {@code key}, if the genesis sets it. */
    public java.util.Optional<String> rule(final String key) {
        return java.util.Optional.ofNullable(rules.get(key));
    }

    /** Keys and values must keep the hashed {@code rule.<key>=<value>} lines unambiguous. */
    private static void checkRules(final Map<String, String> rules) {
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("genesis sets " + rules.size() + " rules; at most " + MAX_RULES
                + " are allowed");
        }
        rules.forEach((key, value) -> {
            Objects.requireNonNull(value, "rule value");
            final int keyBytes = TransactionShape.utf8Length(key);
            if (keyBytes == 0 || keyBytes > MAX_RULE_KEY_BYTES || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("genesis rule key '" + key + "' must be 1 to " + MAX_RULE_KEY_BYTES
                    + " bytes without '=' or a line break");
            }
            if (TransactionShape.utf8Length(value) > MAX_RULE_VALUE_BYTES || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("genesis rule '" + key + "' must have a value of at most "
                    + MAX_RULE_VALUE_BYTES + " bytes without a line break");
            }
        });
    }

    private static void requireAddress(final String address, final String role) {
        if (Address.tryParse(address).isEmpty()) {
            throw new IllegalArgumentException(role + " '" + address + "' is not a valid BID address");
        }
    }
}
