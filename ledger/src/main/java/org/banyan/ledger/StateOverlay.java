package org.banyan.ledger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;

/**
 * Uncommitted changes on top of a parent state. A ledger close uses one overlay over the committed
 * state; each transaction's operations run in a child overlay that is merged into it only when every
 * operation succeeds, which makes a transaction all-or-nothing. Iteration order is insertion order, so
 * the same transactions always produce the same writes.
 */
final class StateOverlay implements StateReader {

    private final StateReader parent;
    private final Map<String, Account.Builder> accounts = new LinkedHashMap<>();
    /** Metadata changes per account: a present value is a put, an empty one a delete. */
    private final Map<String, Map<String, Optional<KeyPair>>> metadata = new LinkedHashMap<>();

    /** A validator set that a governance call in this overlay asked for; the last call wins. */
    private Optional<List<Validator>> pendingValidators = Optional.empty();

    StateOverlay(final StateReader parent) {
        this.parent = parent;
    }

    @Override
    public Optional<Account> account(final String address) {
        final Account.Builder changed = accounts.get(address);
        return changed != null ? Optional.of(changed.build()) : parent.account(address);
    }

    @Override
    public Optional<KeyPair> metadata(final String address, final String key) {
        final Map<String, Optional<KeyPair>> changes = metadata.get(address);
        if (changes != null && changes.containsKey(key)) {
            return changes.get(key);
        }
        return parent.metadata(address, key);
    }

    /** A mutable copy of the account held in this overlay, or empty when the account does not exist. */
    Optional<Account.Builder> edit(final String address) {
        final Account.Builder changed = accounts.get(address);
        if (changed != null) {
            return Optional.of(changed);
        }
        final Optional<Account> existing = parent.account(address);
        existing.ifPresent(account -> accounts.put(address, account.toBuilder()));
        return existing.map(account -> accounts.get(address));
    }

    /** Adds a new account; the caller has checked that it does not exist. */
    Account.Builder create(final Account account) {
        Verify.that(account(account.getAddress()).isEmpty(), "account already exists: " + account.getAddress());
        final Account.Builder builder = account.toBuilder();
        accounts.put(account.getAddress(), builder);
        return builder;
    }

    void putMetadata(final String address, final KeyPair entry) {
        metadata.computeIfAbsent(address, ignored -> new HashMap<>()).put(entry.getKey(), Optional.of(entry));
    }

    void deleteMetadata(final String address, final String key) {
        metadata.computeIfAbsent(address, ignored -> new HashMap<>()).put(key, Optional.empty());
    }

    void setPendingValidators(final List<Validator> validators) {
        pendingValidators = Optional.of(List.copyOf(validators));
    }

    Optional<List<Validator>> pendingValidators() {
        return pendingValidators;
    }

    /** The set scheduled in this overlay or, failing that, in the overlays it sits on. */
    Optional<List<Validator>> scheduledValidators() {
        if (pendingValidators.isPresent()) {
            return pendingValidators;
        }
        return parent instanceof StateOverlay overlay ? overlay.scheduledValidators() : Optional.empty();
    }

    /** Moves every change of this overlay into {@code target}, which must be this overlay's parent. */
    void mergeInto(final StateOverlay target) {
        Verify.that(target == parent, "an overlay merges only into its parent");
        if (pendingValidators.isPresent()) {
            target.pendingValidators = pendingValidators;
        }
        target.accounts.putAll(accounts);
        metadata.forEach((address, changes) ->
            target.metadata.computeIfAbsent(address, ignored -> new HashMap<>()).putAll(changes));
    }

    /** Changed accounts, in the order they were first touched. */
    Map<String, Account.Builder> changedAccounts() {
        return accounts;
    }

    /** Metadata changes of one account. */
    Map<String, Optional<KeyPair>> metadataChanges(final String address) {
        return metadata.getOrDefault(address, Map.of());
    }
}
