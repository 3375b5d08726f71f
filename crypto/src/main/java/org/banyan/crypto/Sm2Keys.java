package org.banyan.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures (GB/T 32918.2) over the recommended curve sm2p256v1 with SM3, as BIF uses them:
 * the signer identity is the default user ID {@code 1234567812345678} and signatures are the plain
 * 64 bytes {@code r || s}, not DER.
 *
 * <p>Verification is BouncyCastle's {@link SM2Signer}. Signing is done here because {@code SM2Signer}
 * always draws {@code k} from a random source: we derive {@code k} deterministically as in RFC 6979
 * ({@link HMacDSAKCalculator} with SM3), so signing needs no randomness and is reproducible.
 */
final class Sm2Keys {

    /** The user ID that BIF signs and verifies with (the GB/T 32918 default). */
    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** Raw public key length: {@code 0x04 || X || Y}, uncompressed. */
    static final int PUBLIC_KEY_LENGTH_BYTES = 65;

    /** Raw private key length: the big-endian scalar. */
    static final int PRIVATE_KEY_LENGTH_BYTES = 32;

    /** Signature length: {@code r || s}, 32 bytes each, left-padded. */
    static final int SIGNATURE_LENGTH_BYTES = 64;

    private static final int FIELD_LENGTH_BYTES = 32;
    private static final byte UNCOMPRESSED_POINT_TAG = 0x04;

    static final ECDomainParameters DOMAIN = domain();

    private static final BigInteger ORDER = DOMAIN.getN();
    private static final BigInteger LARGEST_PRIVATE_SCALAR = ORDER.subtract(BigInteger.TWO);

    private Sm2Keys() {
    }

    /**
     * Decodes a raw uncompressed public key and checks that it lies on the curve.
     *
     * @throws IllegalArgumentException if the bytes are not an uncompressed point on sm2p256v1
     */
    static ECPoint decodePublicKey(final byte[] raw) {
        if (raw.length != PUBLIC_KEY_LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "an SM2 public key has " + PUBLIC_KEY_LENGTH_BYTES + " bytes, got " + raw.length);
        }
        if (raw[0] != UNCOMPRESSED_POINT_TAG) {
            throw new IllegalArgumentException(String.format(
                    "an SM2 public key must be an uncompressed point starting 0x04, got 0x%02x", raw[0] & 0xFF));
        }
        final ECPoint point;
        try {
            point = DOMAIN.getCurve().decodePoint(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SM2 public key is not a point on curve sm2p256v1", e);
        }
        // The cofactor is 1, so a point on the curve other than infinity has the full prime order.
        if (point.isInfinity()) {
            throw new IllegalArgumentException("the SM2 public key is the point at infinity");
        }
        return point.normalize();
    }

    /**
     * Decodes a raw private scalar. SM2 signing inverts {@code 1 + d}, so {@code d} must lie in
     * {@code [1, n - 2]}.
     *
     * @throws IllegalArgumentException if the scalar is outside that range
     */
    static BigInteger decodePrivateScalar(final byte[] raw) {
        if (raw.length != PRIVATE_KEY_LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "an SM2 private key has " + PRIVATE_KEY_LENGTH_BYTES + " bytes, got " + raw.length);
        }
        final BigInteger scalar = new BigInteger(1, raw);
        if (scalar.signum() == 0 || scalar.compareTo(LARGEST_PRIVATE_SCALAR) > 0) {
            throw new IllegalArgumentException("an SM2 private key must lie in [1, n - 2] for the curve order n");
        }
        return scalar;
    }

    /** Whether the raw bytes are a usable private scalar; lets key generation reject and redraw. */
    static boolean isPrivateScalar(final byte[] raw) {
        final BigInteger scalar = new BigInteger(1, raw);
        return scalar.signum() > 0 && scalar.compareTo(LARGEST_PRIVATE_SCALAR) <= 0;
    }

    /** The public point {@code d·G}. */
    static ECPoint publicKeyOf(final BigInteger privateScalar) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), privateScalar).normalize();
    }

    /** The raw uncompressed encoding {@code 0x04 || X || Y}. */
    static byte[] encodePublicKey(final ECPoint point) {
        return point.getEncoded(false);
    }

    /**
     * The signer digest {@code Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA)} of
     * GB/T 32918.2 §5.5.
     */
    static byte[] userIdDigest(final ECPoint publicKey, final byte[] userId) {
        final SM3Digest digest = new SM3Digest();
        final int userIdBits = userId.length * 8;
        digest.update((byte) (userIdBits >>> 8));
        digest.update((byte) userIdBits);
        digest.update(userId, 0, userId.length);
        update(digest, DOMAIN.getCurve().getA());
        update(digest, DOMAIN.getCurve().getB());
        update(digest, DOMAIN.getG().getAffineXCoord());
        update(digest, DOMAIN.getG().getAffineYCoord());
        update(digest, publicKey.getAffineXCoord());
        update(digest, publicKey.getAffineYCoord());
        final byte[] result = new byte[Hashes.DIGEST_LENGTH_BYTES];
        digest.doFinal(result, 0);
        return result;
    }

    /**
     * Signs as GB/T 32918.2 §6.1 given the signer digest {@code Z_A} (see {@link #userIdDigest}), with
     * {@code k} from the calculator: {@link HMacDSAKCalculator} over SM3 for deterministic signing, or in
     * tests the standard's fixed {@code k} to reproduce its worked example.
     */
    static byte[] sign(
            final BigInteger privateScalar,
            final byte[] userIdDigest,
            final byte[] message,
            final DSAKCalculator kCalculator) {
        final SM3Digest digest = new SM3Digest();
        digest.update(userIdDigest, 0, userIdDigest.length);
        digest.update(message, 0, message.length);
        final byte[] messageDigest = new byte[Hashes.DIGEST_LENGTH_BYTES];
        digest.doFinal(messageDigest, 0);
        final BigInteger e = new BigInteger(1, messageDigest);
        kCalculator.init(ORDER, privateScalar, messageDigest);
        final FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
        final BigInteger inverseOfOnePlusD = BigIntegers.modOddInverse(ORDER, privateScalar.add(BigInteger.ONE));
        while (true) {
            final BigInteger k = kCalculator.nextK();
            final BigInteger x1 = multiplier.multiply(DOMAIN.getG(), k).normalize().getAffineXCoord().toBigInteger();
            final BigInteger r = e.add(x1).mod(ORDER);
            if (r.signum() == 0 || r.add(k).equals(ORDER)) {
                continue;
            }
            final BigInteger s = inverseOfOnePlusD.multiply(k.subtract(r.multiply(privateScalar))).mod(ORDER);
            if (s.signum() != 0) {
                return PlainDSAEncoding.INSTANCE.encode(ORDER, r, s);
            }
        }
    }

    /** A fresh deterministic {@code k} source: RFC 6979 with HMAC-SM3. */
    static DSAKCalculator deterministicK() {
        return new HMacDSAKCalculator(new SM3Digest());
    }

    /** Verifies with the default user ID; false for a signature of the wrong length or out of range. */
    static boolean verify(final ECPoint publicKey, final byte[] message, final byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH_BYTES) {
            return false;
        }
        final SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(publicKey, DOMAIN), DEFAULT_USER_ID));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static void update(final SM3Digest digest, final ECFieldElement element) {
        final byte[] bytes = BigIntegers.asUnsignedByteArray(FIELD_LENGTH_BYTES, element.toBigInteger());
        digest.update(bytes, 0, bytes.length);
    }

    private static ECDomainParameters domain() {
        final X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
        return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }
}
