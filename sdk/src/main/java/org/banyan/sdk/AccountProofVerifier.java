package org.banyan.sdk;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;
import org.banyan.trie.StateProof;

/**
 * Checks an account proof offline, trusting nothing the node said:
 * <ol>
 *   <li>the header's {@code hash} is the hash of the header ({@link #ledgerHeaderHash}), and optionally equals a
 *       header hash the caller already trusts;</li>
 *   <li>the state-tree key is SHA-256 of the address in UTF-8;</li>
 *   <li>present: the account blob decodes to an account with this address, and the proof shows SHA-256(blob) under
 *       that key in the header's {@code account_tree_hash}; absent: the proof shows nothing is under the key.</li>
 * </ol>
 * Without a trusted header hash this proves the answer is consistent with a ledger header of that hash; pass the
 * hash from a source you trust (a checkpoint, a commit certificate) to make it a light-client check.
 */
public final class AccountProofVerifier {

    private AccountProofVerifier() {
    }

    /** Verifies the proof and that its header is the one with {@code trustedHeaderHash}. */
    public static ProofVerification verify(final AccountProofResponse response, final byte[] trustedHeaderHash) {
        if (!MessageDigest.isEqual(response.header().getHash().toByteArray(), trustedHeaderHash)) {
            return new ProofVerification.Invalid("the proof's ledger header " + hex(response.header().getHash())
                    + " is not the trusted header " + Hex.encode(trustedHeaderHash));
        }
        return verify(response);
    }

    /**
     * The hash of a ledger header: SHA-256 of the protobuf {@code LedgerHeader} bytes with the {@code hash} field
     * cleared. This is the one place the SDK states the rule.
     */
    public static byte[] ledgerHeaderHash(final LedgerHeader header) {
        return Hashes.sha256(header.toBuilder().clearHash().build().toByteArray());
    }

    /** The state-tree key of an account: SHA-256 of its address in UTF-8. */
    public static byte[] accountKey(final String address) {
        return Hashes.sha256(address.getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies the proof against the header it carries. */
    public static ProofVerification verify(final AccountProofResponse response) {
        LedgerHeader header = response.header();
        if (header.getSeq() != response.ledgerSeq()) {
            return new ProofVerification.Invalid("the proof is for ledger " + response.ledgerSeq()
                    + " but its header is ledger " + header.getSeq());
        }
        byte[] computedHash = ledgerHeaderHash(header);
        if (!MessageDigest.isEqual(computedHash, header.getHash().toByteArray())) {
            return new ProofVerification.Invalid("ledger header " + header.getSeq() + " claims hash "
                    + hex(header.getHash()) + " but hashes to " + Hex.encode(computedHash));
        }
        StateProof proof;
        try {
            proof = StateProof.decode(response.proof().toByteArray());
        } catch (IllegalArgumentException e) {
            return new ProofVerification.Invalid("the state proof is malformed: " + e.getMessage());
        }
        byte[] key = accountKey(response.address());
        byte[] root = header.getAccountTreeHash().toByteArray();
        Optional<ByteString> blob = response.accountBlob();
        if (blob.isEmpty()) {
            if (!proof.verifiesExclusion(root, key)) {
                return new ProofVerification.Invalid("the proof does not show that " + response.address()
                        + " is absent from ledger " + header.getSeq());
            }
            return new ProofVerification.AccountAbsent(header, response.address());
        }
        return verifyPresent(response.address(), header, root, key, blob.get(), proof);
    }

    private static ProofVerification verifyPresent(final String address, final LedgerHeader header,
                                                   final byte[] root, final byte[] key,
                                                   final ByteString blob, final StateProof proof) {
        Account account;
        try {
            account = Account.parseFrom(blob);
        } catch (InvalidProtocolBufferException e) {
            return new ProofVerification.Invalid("the account blob is not a protobuf Account: " + e.getMessage());
        }
        if (!account.getAddress().equals(address)) {
            return new ProofVerification.Invalid("the account blob is for " + account.getAddress()
                    + ", not " + address);
        }
        byte[] valueHash = Hashes.sha256(blob.toByteArray());
        if (!proof.verifiesInclusion(root, key, valueHash)) {
            return new ProofVerification.Invalid("the proof does not show account " + address
                    + " with this content in ledger " + header.getSeq());
        }
        return new ProofVerification.AccountPresent(header, account);
    }

    private static String hex(final ByteString bytes) {
        return Hex.encode(bytes.toByteArray());
    }
}
