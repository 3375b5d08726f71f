package org.banyan.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;
import org.banyan.store.KeyValueStore;

/**
 * The committed state as stored, with a bounded cache of decoded accounts. Only the thread that closes
 * ledgers fills and updates the cache (on a miss, and after each commit), so a reader on another thread
 * can never put a stale account into it; readers on other threads only look it up.
 */
final class CommittedState implements StateReader {

    private final KeyValueStore store;
    private final Map<String, Account> cache = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Account> eldest) {
            return size() > Limits.ACCOUNT_CACHE_ENTRIES;
        }
    };

    CommittedState(final KeyValueStore store) {
        this.store = store;
    }

    @Override
    public Optional<Account> account(final String address) {
        synchronized (cache) {
            final Account cached = cache.get(address);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        return store.get(StateKeys.account(address)).map(CommittedState::parseAccount);
    }

    /** Like {@link #account}, and remembers the result; only for the closing thread. */
    Optional<Account> accountForClose(final String address) {
        final Optional<Account> account = account(address);
        account.ifPresent(found -> {
            synchronized (cache) {
                cache.putIfAbsent(address, found);
            }
        });
        return account;
    }

    @Override
    public Optional<KeyPair> metadata(final String address, final String key) {
        return store.get(StateKeys.metadata(address, key)).map(CommittedState::parseKeyPair);
    }

    /** Records accounts just committed; called by the closing thread after the batch is durable. */
    void committed(final Iterable<Account> accounts) {
        synchronized (cache) {
            for (final Account account : accounts) {
                cache.put(account.getAddress(), account);
            }
        }
    }

    static Account parseAccount(final byte[] bytes) {
        try {
            return Account.parseFrom(bytes);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored account is corrupt", e);
        }
    }

    static KeyPair parseKeyPair(final byte[] bytes) {
        try {
            return KeyPair.parseFrom(bytes);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored metadata is corrupt", e);
        }
    }

    /** A view for the closing thread, which caches what it reads. */
    StateReader forClose() {
        return new StateReader() {
            @Override
            public Optional<Account> account(final String address) {
                return accountForClose(address);
            }

            @Override
            public Optional<KeyPair> metadata(final String address, final String key) {
                return CommittedState.this.metadata(address, key);
            }
        };
    }
}
