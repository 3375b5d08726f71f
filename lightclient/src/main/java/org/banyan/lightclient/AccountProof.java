package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.Account;
import org.banyan.trie.NodeReader;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.StateProof;

/**
 * One account, or its absence, proven against a state root: the account record exactly as the state tree commits to
 * it (empty for an absent account) and the trie proof of key SHA-256(address) with value hash SHA-256(record). The
 * shared first part of {@link EntryProof} and {@link AccountStateProof}.
 */
public record AccountProof(ByteString account, ByteString proof) {

    /** Encoded bytes at most: the two length-prefixed parts at their caps. */
    static final int MAX_ENCODED_BYTES =
            Integer.BYTES + Limits.MAX_ACCOUNT_BYTES + Integer.BYTES + Limits.MAX_STATE_PROOF_BYTES;

    /** @throws IllegalArgumentException if a part is past its cap */
    public AccountProof {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(proof, "proof");
        requireAtMost(account, Limits.MAX_ACCOUNT_BYTES, "account record");
        requireAtMost(proof, Limits.MAX_STATE_PROOF_BYTES, "account proof");
    }

    /**
     * The proof of {@code address} in the state tree at {@code stateRoot}, for a node that holds the tree: the
     * account's record exactly as stored, or empty when the state has no such account.
     *
     * @throws IllegalStateException if the tree lacks a node on the path
     * @throws IllegalArgumentException if the record is past its cap
     */
    public static AccountProof prove(final NodeReader nodes, final ByteString stateRoot, final String address,
                                     final Optional<ByteString> record) {
        final StateProof trieProof = SparseMerkleTree.prove(nodes, stateRoot.toByteArray(),
                LedgerRules.accountKey(address));
        return new AccountProof(record.orElse(ByteString.EMPTY), ByteString.copyFrom(trieProof.encode()));
    }

    /** What this proves about {@code address} in the state with root {@code stateRoot}. */
    public Proven<Account> verify(final ByteString stateRoot, final String address) {
        if (stateRoot.size() != Bytes.HASH_BYTES) {
            return new Proven.Invalid<>("a state root has " + Bytes.HASH_BYTES + " bytes, got " + stateRoot.size());
        }
        final StateProof trieProof;
        try {
            trieProof = StateProof.decode(proof.toByteArray());
        } catch (final IllegalArgumentException e) {
            return new Proven.Invalid<>("the account proof is malformed: " + e.getMessage());
        }
        final byte[] key = LedgerRules.accountKey(address);
        if (account.isEmpty()) {
            return trieProof.verifiesExclusion(stateRoot.toByteArray(), key) ? new Proven.Absent<>()
                    : new Proven.Invalid<>("the proof does not show that " + address + " is absent from state "
                            + Bytes.hex(stateRoot));
        }
        final Account parsed;
        try {
            parsed = Account.parseFrom(account);
        } catch (final InvalidProtocolBufferException e) {
            return new Proven.Invalid<>("the account record does not parse: " + e.getMessage());
        }
        if (!parsed.getAddress().equals(address)) {
            return new Proven.Invalid<>("the account record is of " + parsed.getAddress() + ", not " + address);
        }
        if (!trieProof.verifiesInclusion(stateRoot.toByteArray(), key, Hashes.sha256(account.toByteArray()))) {
            return new Proven.Invalid<>("the proof does not show account " + address + " with this record in state "
                    + Bytes.hex(stateRoot));
        }
        return new Proven.Present<>(parsed);
    }

    void writeTo(final ProofWriter writer) {
        writer.bytes(account).bytes(proof);
    }

    static AccountProof readFrom(final ProofReader reader) throws MalformedInput {
        return new AccountProof(reader.bytes(Limits.MAX_ACCOUNT_BYTES, "account record"),
                reader.bytes(Limits.MAX_STATE_PROOF_BYTES, "account proof"));
    }

    static void requireAtMost(final ByteString part, final int maxBytes, final String what) {
        if (part.size() > maxBytes) {
            throw new IllegalArgumentException("a proof's " + what + " is at most " + maxBytes + " bytes, got "
                    + part.size());
        }
    }
}
