package org.banyan.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SHA-256 and SM3, the two digests of BIF 1.x.
 *
 * <p>SHA-256 clones a prototype {@link MessageDigest}: the clone is cheap and thread-confined, while
 * {@code getInstance} walks the provider list on every call. The JDK implementation is used because
 * HotSpot compiles it to the CPU's SHA instructions.
 */
public final class Hashes {

    /** Length of both digests. */
    public static final int DIGEST_LENGTH_BYTES = 32;

    private static final MessageDigest SHA256_PROTOTYPE = sha256Prototype();

    private Hashes() {
    }

    /** SHA-256 of the bytes. */
    public static byte[] sha256(final byte[] bytes) {
        final MessageDigest digest = newSha256();
        return digest.digest(bytes);
    }

    /** SHA-256 of the concatenation {@code first || second}, without building the concatenation. */
    public static byte[] sha256(final byte[] first, final byte[] second) {
        final MessageDigest digest = newSha256();
        digest.update(first);
        return digest.digest(second);
    }

    /** SM3 (GB/T 32905) of the bytes. */
    public static byte[] sm3(final byte[] bytes) {
        final SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        final byte[] hash = new byte[DIGEST_LENGTH_BYTES];
        digest.doFinal(hash, 0);
        return hash;
    }

    /** A fresh SHA-256 digest, for callers in this package that hash many small inputs in a row. */
    static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK SHA-256 digest must be cloneable", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
