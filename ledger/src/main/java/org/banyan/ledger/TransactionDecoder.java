package org.banyan.ledger;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/**
 * The stateless half of transaction validation, done once when a transaction enters the node: size
 * and count limits, protobuf parsing, the hash, and every signature over the exact blob bytes. It is
 * the CPU-heavy part and is thread-safe, so the node runs it on all cores.
 */
public final class TransactionDecoder {

    /** Parsing a key fully validates its point, which costs about as much as a verification: remember recent keys. */
    private static final PublicKeyCache PUBLIC_KEYS = new PublicKeyCache(Limits.PUBLIC_KEY_CACHE_ENTRIES);

    private TransactionDecoder() {
    }

    /** Decodes and verifies one submitted envelope. */
    public static Outcome<VerifiedTransaction> decode(final byte[] blob, final List<Signature> signatures) {
        if (blob.length == 0) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER, "transaction_blob is empty");
        }
        if (signatures.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_SIGNATURE, "the transaction has no signature");
        }
        if (signatures.size() > Limits.MAX_SIGNATURES) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "the transaction has " + signatures.size() + " signatures; at most " + Limits.MAX_SIGNATURES + " are allowed");
        }
        final int sizeBytes = envelopeSize(blob, signatures);
        if (sizeBytes > Limits.MAX_TRANSACTION_BYTES) {
            return Outcome.failed(ERRORCODE.ERRCODE_TX_SIZE_TOO_BIG,
                "the transaction is " + sizeBytes + " bytes; at most " + Limits.MAX_TRANSACTION_BYTES + " are allowed");
        }
        final Transaction transaction;
        try {
            transaction = Transaction.parseFrom(blob);
        } catch (final InvalidProtocolBufferException e) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "transaction_blob is not a valid protobuf Transaction: " + e.getMessage());
        }
        final Optional<LedgerError> shapeError = TransactionShape.check(transaction);
        if (shapeError.isPresent()) {
            return Outcome.failed(shapeError.get());
        }
        final Set<String> signers = new HashSet<>();
        for (final Signature signature : signatures) {
            final PublicKeyCache.SignerKey signer;
            try {
                signer = PUBLIC_KEYS.parse(signature.getPublicKey());
            } catch (final IllegalArgumentException e) {
                return Outcome.failed(ERRORCODE.ERRCODE_INVALID_SIGNATURE,
                    "signature public key '" + abbreviate(signature.getPublicKey()) + "' is invalid: " + e.getMessage());
            }
            if (!signer.publicKey().verify(blob, signature.getSignData().toByteArray())) {
                return Outcome.failed(ERRORCODE.ERRCODE_INVALID_SIGNATURE,
                    "the signature by " + signer.address() + " does not verify over the transaction blob");
            }
            signers.add(addressOf(signer, transaction.getSourceAddress()));
        }
        return Outcome.ok(new VerifiedTransaction(Hashes.sha256(blob), blob, transaction, signatures, signers, sizeBytes));
    }

    /** Size of the {@code TransactionEnv} carrying this blob and these signatures, without building it. */
    public static int envelopeSize(final byte[] blob, final List<Signature> signatures) {
        int size = CodedOutputStream.computeByteArraySize(1, blob);
        for (final Signature signature : signatures) {
            size += CodedOutputStream.computeMessageSize(2, signature);
        }
        return size;
    }

    /**
     * The signer's address in the chain's address space: a key signs for the address of the same AC code
     * as the transaction's source, so that sub-chain accounts ({@code did:bid:<ac>:…}) match their keys.
     */
    private static String addressOf(final PublicKeyCache.SignerKey signer, final String sourceAddress) {
        return Address.tryParse(sourceAddress)
            .flatMap(Address::acCode)
            .map(ac -> signer.publicKey().address(ac).toString())
            .orElse(signer.address());
    }

    private static String abbreviate(final String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
