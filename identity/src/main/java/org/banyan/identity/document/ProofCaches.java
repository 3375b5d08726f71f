package org.banyan.identity.document;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.PublicKey;

/**
 * Memos of the two costly pure steps of checking a document, shared by every thread: parsing a public key (which
 * decompresses and validates its point) and verifying a signature. The node fills them while it admits a
 * transaction, on all cores ({@link org.banyan.identity.ddo.DdoContract#prepare}); execution, on one thread, then
 * finds the answers. A memo only ever returns what the computation would, so execution's results never depend on
 * what is cached. When a memo reaches its cap it starts over: cheaper than tracking recency on every lookup, and a
 * burst of new entries costs at most one computation each, as without the memo.
 */
final class ProofCaches {

    /** Parsed keys kept: two full ledgers of 100-document transactions' keys; each parsed key is about a kilobyte. */
    static final int MAX_KEYS = 20_000;

    /** Verified signatures kept, as 32-byte digests: as many as the keys, since each document has one proof. */
    static final int MAX_VERIFIED = 20_000;

    private static final ConcurrentHashMap<String, PublicKey> KEYS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<ByteBuffer, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private ProofCaches() {
    }

    /** {@link PublicKey#parse}, memoized; an invalid key throws as it does and is never kept. */
    static PublicKey parseKey(final String encodedHex) {
        final PublicKey cached = KEYS.get(encodedHex);
        if (cached != null) {
            return cached;
        }
        final PublicKey parsed = PublicKey.parse(encodedHex);
        if (KEYS.size() >= MAX_KEYS) {
            KEYS.clear();
        }
        KEYS.put(encodedHex, parsed);
        return parsed;
    }

    /** {@code key.verify(message, signature)}, with successes memoized by a digest of all three. */
    static boolean verify(final PublicKey key, final byte[] message, final byte[] signature) {
        final ByteBuffer digest = digest(key, message, signature);
        if (VERIFIED.containsKey(digest)) {
            return true;
        }
        final boolean verified = key.verify(message, signature);
        if (verified) {
            if (VERIFIED.size() >= MAX_VERIFIED) {
                VERIFIED.clear();
            }
            VERIFIED.put(digest, Boolean.TRUE);
        }
        return verified;
    }

    /** How many keys and verified signatures are kept now. */
    static int[] sizes() {
        return new int[] {KEYS.size(), VERIFIED.size()};
    }

    /** SHA-256 over the key and the signature, each after its length, then the message: an unambiguous encoding. */
    private static ByteBuffer digest(final PublicKey key, final byte[] message, final byte[] signature) {
        final byte[] keyBytes = key.encoded().getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer prefix = ByteBuffer.allocate(2 * Integer.BYTES + keyBytes.length + signature.length)
            .putInt(keyBytes.length).put(keyBytes).putInt(signature.length).put(signature);
        return ByteBuffer.wrap(Hashes.sha256(prefix.array(), message));
    }
}
