package org.banyan.bench;

import java.nio.charset.StandardCharsets;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;

/** Measures Ed25519 verifications per second on the calling thread: the reference for node throughput. */
final class VerifyRate {

    private VerifyRate() {
    }

    /** Verifies a 200-byte message (a payment blob's size) for about {@code millis}, after a warm-up. */
    static double measure(final long millis) {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256("verify-rate".getBytes(StandardCharsets.UTF_8)));
        final byte[] message = new byte[200];
        final byte[] signature = key.sign(message);
        final PublicKey publicKey = key.publicKey();
        run(publicKey, message, signature, millis / 2);
        return run(publicKey, message, signature, millis);
    }

    /** Verifies with an already parsed key: the bare cost of the signature check. */
    private static double run(final PublicKey publicKey, final byte[] message, final byte[] signature, final long millis) {
        final long start = System.nanoTime();
        final long deadline = start + millis * 1_000_000;
        long count = 0;
        long now;
        do {
            for (int index = 0; index < 100; index++) {
                if (!publicKey.verify(message, signature)) {
                    throw new IllegalStateException("a valid signature failed to verify");
                }
            }
            count += 100;
            now = System.nanoTime();
        } while (now < deadline);
        return count / ((now - start) / 1e9);
    }
}
