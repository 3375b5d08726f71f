package org.banyan.cli;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Seeded randomness for test keys, so a failing run reproduces. */
final class TestRandom {

    private TestRandom() {
    }

    static SecureRandom seeded(final long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }
}
