package org.banyan.sdk;

import java.security.SecureRandom;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;

/** Deterministic keys for tests, so a failure reproduces. */
final class TestKeys {

    /** A published BIF vector: this key's address is did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx. */
    static final String PUBLISHED_PRIVATE_KEY = "priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM";

    private TestKeys() {
    }

    /** The n-th Ed25519 test key: its seed is n repeated. */
    static PrivateKey ed25519(int n) {
        return PrivateKey.fromRaw(KeyType.ED25519, seed(n));
    }

    /** The n-th SM2 test key: its scalar is n repeated. */
    static PrivateKey sm2(int n) {
        return PrivateKey.fromRaw(KeyType.SM2, seed(n));
    }

    /** A random source with a fixed seed. */
    static SecureRandom random(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }

    private static byte[] seed(int n) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) n);
        return raw;
    }
}
