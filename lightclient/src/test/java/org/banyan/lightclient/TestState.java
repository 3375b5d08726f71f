package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
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
import org.banyan.trie.NodeReader;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.TreeUpdate;

/**
 * A state tree built the way the ledger's state committer builds it (account tree keyed by SHA-256 of the address,
 * each account's metadata tree keyed by SHA-256 of the entry key), in memory, with the records it commits to.
 */
final class TestState {

    private final Map<ByteBuffer, byte[]> nodes = new HashMap<>();
    private final Map<String, ByteString> records = new HashMap<>();
    private final Map<String, Map<String, ByteString>> entries = new HashMap<>();
    private final NodeReader reader = hash -> Optional.ofNullable(nodes.get(ByteBuffer.wrap(hash)));
    private byte[] root = SparseMerkleTree.emptyRoot();

    /** Adds an account with these metadata entries (and contract code, to make records of a given size). */
    TestState put(final String address, final Map<String, String> metadata, final String code) {
        final Map<String, ByteString> blobs = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        for (final Map.Entry<String, String> entry : metadata.entrySet()) {
            final ByteString blob = KeyPair.newBuilder().setKey(entry.getKey()).setValue(entry.getValue())
                    .setVersion(1).build().toByteString();
            blobs.put(entry.getKey(), blob);
            changes.add(Change.put(LedgerRules.metadataKey(entry.getKey()), Hashes.sha256(blob.toByteArray())));
        }
        final Account.Builder account = Account.newBuilder().setAddress(address).setNonce(3).setBalance(1000);
        if (!code.isEmpty()) {
            account.getContractBuilder().setPayload(code);
        }
        if (!changes.isEmpty()) {
            account.setMetadatasHash(ByteString.copyFrom(apply(SparseMerkleTree.emptyRoot(), changes)));
        }
        final ByteString record = account.build().toByteString();
        root = apply(root, List.of(Change.put(LedgerRules.accountKey(address), Hashes.sha256(record.toByteArray()))));
        records.put(address, record);
        entries.put(address, blobs);
        return this;
    }

    TestState put(final String address, final Map<String, String> metadata) {
        return put(address, metadata, "");
    }

    ByteString root() {
        return ByteString.copyFrom(root);
    }

    ByteString record(final String address) {
        return records.get(address);
    }

    EntryProof entryProof(final String address, final String key) {
        return EntryProof.prove(reader, root(), address, Optional.ofNullable(records.get(address)), key,
                Optional.ofNullable(entries.getOrDefault(address, Map.of()).get(key)));
    }

    AccountProof accountProof(final String address) {
        return AccountProof.prove(reader, root(), address, Optional.ofNullable(records.get(address)));
    }

    private byte[] apply(final byte[] from, final List<Change> changes) {
        final TreeUpdate update = SparseMerkleTree.update(reader, from, changes);
        for (final Node node : update.newNodes()) {
            nodes.put(ByteBuffer.wrap(node.hash()), node.encoded());
        }
        return update.root();
    }
}
