package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;
import org.banyan.trie.Change;
import org.banyan.trie.Node;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.TreeUpdate;

/**
 * Whole-state checks run after ledger tests: balances add up to the genesis supply (fees move to
 * validators, never vanish), and the incrementally maintained roots equal a recomputation from scratch.
 */
final class StateInvariants {

    private StateInvariants() {
    }

    static void check(final TestChain chain) {
        final List<Account> accounts = new ArrayList<>();
        final byte[] prefix = "a:".getBytes(StandardCharsets.UTF_8);
        chain.store.scan(prefix, prefix, Integer.MAX_VALUE, (key, value) -> accounts.add(CommittedState.parseAccount(value)));

        final long supply = chain.genesis.accounts().stream().mapToLong(GenesisAccount::balance).sum();
        assertThat(accounts.stream().mapToLong(Account::getBalance).sum()).as("total balance equals supply").isEqualTo(supply);
        assertThat(accounts).allSatisfy(account -> assertThat(account.getBalance()).isNotNegative());

        final List<Change> changes = new ArrayList<>();
        for (final Account account : accounts) {
            assertThat(recomputedMetadataRoot(chain, account.getAddress()))
                .as("metadata root of " + account.getAddress())
                .isEqualTo(account.getMetadatasHash().isEmpty() ? SparseMerkleTree.emptyRoot() : account.getMetadatasHash().toByteArray());
            changes.add(new Change(LedgerHashes.accountKey(account.getAddress()), Optional.of(Hashes.sha256(account.toByteArray()))));
        }
        assertThat(buildFromScratch(changes)).as("account tree root recomputed from scratch")
            .isEqualTo(chain.ledger.lastHeader().getAccountTreeHash().toByteArray());
        assertThat(LedgerHashes.isSelfConsistent(chain.ledger.lastHeader())).isTrue();
    }

    private static byte[] recomputedMetadataRoot(final TestChain chain, final String address) {
        final List<Change> changes = new ArrayList<>();
        for (final KeyPair entry : chain.ledger.metadata(address)) {
            changes.add(new Change(LedgerHashes.metadataKey(entry.getKey()), Optional.of(Hashes.sha256(entry.toByteArray()))));
        }
        return buildFromScratch(changes);
    }

    private static byte[] buildFromScratch(final List<Change> changes) {
        final Map<String, byte[]> nodes = new HashMap<>();
        final TreeUpdate update = SparseMerkleTree.update(hash -> Optional.ofNullable(nodes.get(key(hash))),
            SparseMerkleTree.emptyRoot(), changes);
        for (final Node node : update.newNodes()) {
            nodes.put(key(node.hash()), node.encoded());
        }
        return update.root();
    }

    private static String key(final byte[] hash) {
        return java.util.HexFormat.of().formatHex(hash);
    }
}
