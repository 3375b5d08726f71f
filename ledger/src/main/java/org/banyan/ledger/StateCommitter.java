package org.banyan.ledger;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;
import org.banyan.store.WriteBatch;
import org.banyan.trie.Change;
import org.banyan.trie.Node;
import org.banyan.trie.NodeReader;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.TreeUpdate;

/**
 * Turns the changes of a ledger close into store writes and a new state root. Only accounts that
 * changed are re-hashed: each one's metadata tree is updated with its own changes, then the account tree
 * with the changed accounts, so the cost follows the accounts touched, not the accounts that exist.
 */
final class StateCommitter {

    /** What committing a set of changes produced. */
    record Result(byte[] accountTreeRoot, List<Account> accounts, List<Node> newNodes) {
    }

    private StateCommitter() {
    }

    static Result commit(final StateOverlay changes, final byte[] previousRoot, final NodeReader nodes,
                         final WriteBatch batch) {
        final List<Node> newNodes = new ArrayList<>();
        final List<Change> accountChanges = new ArrayList<>(changes.changedAccounts().size());
        final List<Account> accounts = new ArrayList<>(changes.changedAccounts().size());
        for (final Map.Entry<String, Account.Builder> entry : changes.changedAccounts().entrySet()) {
            final String address = entry.getKey();
            final Account.Builder account = entry.getValue();
            final Map<String, Optional<KeyPair>> metadataChanges = changes.metadataChanges(address);
            if (!metadataChanges.isEmpty()) {
                final byte[] root = commitMetadata(address, account, metadataChanges, nodes, batch, newNodes);
                if (java.util.Arrays.equals(root, SparseMerkleTree.emptyRoot())) {
                    account.clearMetadatasHash();
                } else {
                    account.setMetadatasHash(ByteString.copyFrom(root));
                }
            }
            final Account built = account.build();
            final byte[] bytes = built.toByteArray();
            final byte[] valueHash = Hashes.sha256(bytes);
            batch.put(StateKeys.account(address), bytes);
            batch.put(StateKeys.accountVersion(valueHash), bytes);
            accountChanges.add(new Change(LedgerHashes.accountKey(address), Optional.of(valueHash)));
            accounts.add(built);
        }
        // Metadata of accounts whose record did not otherwise change cannot exist: a metadata write
        // always edits its account, which puts it in changedAccounts.
        final TreeUpdate update = SparseMerkleTree.update(nodes, previousRoot, accountChanges);
        newNodes.addAll(update.newNodes());
        for (final Node node : newNodes) {
            batch.put(StateKeys.trieNode(node.hash()), node.encoded());
        }
        return new Result(update.root(), accounts, newNodes);
    }

    private static byte[] commitMetadata(final String address, final Account.Builder account,
                                         final Map<String, Optional<KeyPair>> metadataChanges, final NodeReader nodes,
                                         final WriteBatch batch, final List<Node> newNodes) {
        final List<Change> treeChanges = new ArrayList<>(metadataChanges.size());
        for (final Map.Entry<String, Optional<KeyPair>> change : metadataChanges.entrySet()) {
            final byte[] storeKey = StateKeys.metadata(address, change.getKey());
            if (change.getValue().isPresent()) {
                final byte[] bytes = change.getValue().get().toByteArray();
                batch.put(storeKey, bytes);
                treeChanges.add(new Change(LedgerHashes.metadataKey(change.getKey()), Optional.of(Hashes.sha256(bytes))));
            } else {
                batch.delete(storeKey);
                treeChanges.add(new Change(LedgerHashes.metadataKey(change.getKey()), Optional.empty()));
            }
        }
        final byte[] previousRoot = account.getMetadatasHash().isEmpty()
            ? SparseMerkleTree.emptyRoot() : account.getMetadatasHash().toByteArray();
        final TreeUpdate update = SparseMerkleTree.update(nodes, previousRoot, treeChanges);
        newNodes.addAll(update.newNodes());
        return update.root();
    }
}
