package org.banyan.credentials;

import java.util.Optional;
import org.banyan.crypto.KeyType;

/**
 * The JWS {@code alg} values of BIF credentials, which BIF allows to be Ed25519 or SM2 only (RFC-008 §6).
 *
 * <p>{@code EdDSA} is the RFC 8037 name. {@code SM2} is the name BIF's own verifier examples send
 * ({@code {"alg":"SM2"}}, RFC-014 §5); no JOSE registry defines it, so this module fixes its meaning:
 * SM2 over sm2p256v1 with SM3, Z_A over the user ID {@code 1234567812345678}, and the 64-byte
 * {@code r || s} signature, as BIF signs everything else.
 */
public enum JwsAlgorithm {
    /** Ed25519 (RFC 8037). */
    EDDSA("EdDSA", KeyType.ED25519),
    /** SM2 with SM3 (GB/T 32918), as defined above. */
    SM2("SM2", KeyType.SM2);

    private final String name;
    private final KeyType keyType;

    JwsAlgorithm(final String name, final KeyType keyType) {
        this.name = name;
        this.keyType = keyType;
    }

    /** The {@code alg} header value. */
    public String headerName() {
        return name;
    }

    /** The key type that signs under this algorithm. */
    public KeyType keyType() {
        return keyType;
    }

    /** The algorithm that signs with keys of this type. */
    public static JwsAlgorithm of(final KeyType keyType) {
        return keyType == KeyType.SM2 ? SM2 : EDDSA;
    }

    /** The algorithm with this {@code alg} value, if supported. */
    public static Optional<JwsAlgorithm> fromHeaderName(final String name) {
        for (final JwsAlgorithm algorithm : values()) {
            if (algorithm.name.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
