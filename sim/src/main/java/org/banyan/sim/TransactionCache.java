package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.Map;
import org.banyan.crypto.Hashes;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * Decoded transactions shared by the nodes of one run. A node verifies each transaction's signatures once, at
 * admission, and so does the simulated network as a whole: decoding is deterministic, so sharing the result between
 * nodes changes no outcome and saves repeating Ed25519 verification on every node.
 */
final class TransactionCache {

    /** Decoded transactions kept; a run submits a few thousand at most. */
    static final int MAX_ENTRIES = 100_000;

    private final Map<ByteString, Outcome<VerifiedTransaction>> decoded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<ByteString, Outcome<VerifiedTransaction>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    int size() {
        return decoded.size();
    }

    /** Remembers a verdict reached elsewhere, such as once per JVM for the junk flood. */
    void prime(final SignedTransaction envelope, final Outcome<VerifiedTransaction> verdict) {
        decoded.put(ByteString.copyFrom(Hashes.sha256(envelope.toByteArray())), verdict);
    }

    /** The transaction decoded and verified over the exact bytes of its blob, or the reason it fails. */
    Outcome<VerifiedTransaction> decode(final SignedTransaction envelope) {
        final byte[] bytes = envelope.toByteArray();
        return decoded.computeIfAbsent(ByteString.copyFrom(Hashes.sha256(bytes)), key -> TransactionDecoder.decode(
                envelope.getBlob().toByteArray(), envelope.getSignaturesList()));
    }
}
