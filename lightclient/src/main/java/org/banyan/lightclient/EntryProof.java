package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;
import org.banyan.trie.NodeReader;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.StateProof;

/**
 * One metadata entry of one account, or its absence, proven against a state root: the account part, then the entry
 * exactly as the account's metadata tree commits to it ({@code KeyPair} bytes, empty when absent) and the trie proof
 * of key SHA-256(entry key) with value hash SHA-256(entry) against the account's {@code metadatas_hash} (the empty
 * tree when the account has no metadata). When the account itself is absent the entry proof is empty too.
 *
 * <p>How a sub-chain checks a supervision order: the chain-group contract's entry {@code order/<ac>/<n>} against the
 * state root of a main-chain header its light client verified.
 */
public record EntryProof(AccountProof account, ByteString entry, ByteString entryProof) {

    /** Encoded bytes at most: the kind, the account part and the two length-prefixed entry parts at their caps. */
    public static final int MAX_ENCODED_BYTES = 1 + AccountProof.MAX_ENCODED_BYTES
            + Integer.BYTES + Limits.MAX_ENTRY_BYTES + Integer.BYTES + Limits.MAX_STATE_PROOF_BYTES;

    /** The framing of the encoding, which opens with kind byte 2. */
    private static final ProofFormat<EntryProof> FORMAT = new ProofFormat<>((byte) 2, MAX_ENCODED_BYTES,
            "an entry proof", reader -> new EntryProof(AccountProof.readFrom(reader),
                    reader.bytes(Limits.MAX_ENTRY_BYTES, "entry"),
                    reader.bytes(Limits.MAX_STATE_PROOF_BYTES, "entry proof")));

    /** @throws IllegalArgumentException if a part is past its cap */
    public EntryProof {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entryProof, "entryProof");
        AccountProof.requireAtMost(entry, Limits.MAX_ENTRY_BYTES, "entry");
        AccountProof.requireAtMost(entryProof, Limits.MAX_STATE_PROOF_BYTES, "entry proof");
    }

    /**
     * The proof of entry {@code key} of {@code address} in the state tree at {@code stateRoot}, for a node that holds
     * the trees: the account's record and the entry exactly as stored, each empty when absent.
     *
     * @throws IllegalStateException if a tree lacks a node on the path
     * @throws IllegalArgumentException if the record does not parse, an entry is given for an absent account, or a
     *     part is past its cap
     */
    public static EntryProof prove(final NodeReader nodes, final ByteString stateRoot, final String address,
                                   final Optional<ByteString> record, final String key,
                                   final Optional<ByteString> entry) {
        final AccountProof account = AccountProof.prove(nodes, stateRoot, address, record);
        if (record.isEmpty()) {
            if (entry.isPresent()) {
                throw new IllegalArgumentException("an absent account " + address + " has no entry");
            }
            return new EntryProof(account, ByteString.EMPTY, ByteString.EMPTY);
        }
        final ByteString metadataRoot;
        try {
            metadataRoot = Account.parseFrom(record.get()).getMetadatasHash();
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the account record of " + address + " does not parse", e);
        }
        final byte[] root = metadataRoot.isEmpty() ? SparseMerkleTree.emptyRoot() : metadataRoot.toByteArray();
        final StateProof trieProof = SparseMerkleTree.prove(nodes, root, LedgerRules.metadataKey(key));
        return new EntryProof(account, entry.orElse(ByteString.EMPTY), ByteString.copyFrom(trieProof.encode()));
    }

    /** What this proves about the entry {@code key} of {@code address} in the state with root {@code stateRoot}. */
    public Proven<String> verify(final ByteString stateRoot, final String address, final String key) {
        final Proven<Account> owner = account.verify(stateRoot, address);
        if (owner instanceof Proven.Invalid<Account> invalid) {
            return new Proven.Invalid<>(invalid.reason());
        }
        if (owner instanceof Proven.Absent<Account>) {
            return entry.isEmpty() && entryProof.isEmpty() ? new Proven.Absent<>()
                    : new Proven.Invalid<>("the account " + address + " is absent, yet the proof names an entry");
        }
        final ByteString metadataRoot = ((Proven.Present<Account>) owner).value().getMetadatasHash();
        final byte[] root = metadataRoot.isEmpty() ? SparseMerkleTree.emptyRoot() : metadataRoot.toByteArray();
        if (root.length != Bytes.HASH_BYTES) {
            return new Proven.Invalid<>("the account's metadatas_hash has " + root.length + " bytes");
        }
        final StateProof trieProof;
        try {
            trieProof = StateProof.decode(entryProof.toByteArray());
        } catch (final IllegalArgumentException e) {
            return new Proven.Invalid<>("the entry proof is malformed: " + e.getMessage());
        }
        final byte[] treeKey = LedgerRules.metadataKey(key);
        if (entry.isEmpty()) {
            return trieProof.verifiesExclusion(root, treeKey) ? new Proven.Absent<>()
                    : new Proven.Invalid<>("the proof does not show that " + address + " has no entry \"" + key + "\"");
        }
        final KeyPair parsed;
        try {
            parsed = KeyPair.parseFrom(entry);
        } catch (final InvalidProtocolBufferException e) {
            return new Proven.Invalid<>("the entry does not parse: " + e.getMessage());
        }
        if (!parsed.getKey().equals(key)) {
            return new Proven.Invalid<>("the entry is \"" + parsed.getKey() + "\", not \"" + key + "\"");
        }
        if (!trieProof.verifiesInclusion(root, treeKey, Hashes.sha256(entry.toByteArray()))) {
            return new Proven.Invalid<>("the proof does not show entry \"" + key + "\" of " + address
                    + " with this value");
        }
        return new Proven.Present<>(parsed.getValue());
    }

    /** The compact binary form. */
    public byte[] encode() {
        final ProofWriter writer = FORMAT.writer();
        account.writeTo(writer);
        return writer.bytes(entry).bytes(entryProof).toByteArray();
    }

    /** Parses {@link #encode()} output; anything else, truncated, padded or past a cap, is refused with the reason. */
    public static Checked<EntryProof> decode(final byte[] bytes) {
        return FORMAT.decode(bytes);
    }

    /** The binary form in base64, as JSON carries it. */
    public String toBase64() {
        return Bytes.base64(encode());
    }

    /** Parses {@link #toBase64()} output. */
    public static Checked<EntryProof> fromBase64(final String base64) {
        return FORMAT.fromBase64(base64);
    }
}
