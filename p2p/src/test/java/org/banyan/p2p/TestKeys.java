package org.banyan.p2p;

import java.util.Arrays;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;

/** Deterministic node keys for tests: the seed is the index repeated, so failures replay exactly. */
final class TestKeys {

    private TestKeys() {
    }

    static PrivateKey ed25519(final int index) {
        final byte[] seed = new byte[PrivateKey.RAW_LENGTH_BYTES];
        Arrays.fill(seed, (byte) index);
        return PrivateKey.fromRaw(KeyType.ED25519, seed);
    }

    static String address(final int index) {
        return ed25519(index).publicKey().address().toString();
    }
}
