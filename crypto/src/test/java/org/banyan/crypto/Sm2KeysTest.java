package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * The SM2 signature example over the recommended curve sm2p256v1 (GM/T 0003.5-2012 and
 * GB/T 32918.5-2017, Appendix A): message "message digest", user ID {@code 1234567812345678} (the
 * BIF default), fixed {@code k}. The older GB/T 32918.2 Appendix A example that uses
 * {@code ALICE123@YAHOO.COM} runs over a different, non-recommended test curve.
 */
class Sm2KeysTest {

    private static final BigInteger PRIVATE_KEY =
            new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16);
    private static final String PUBLIC_X = "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020";
    private static final String PUBLIC_Y = "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    private static final String USER_ID_DIGEST = "b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3";
    private static final BigInteger FIXED_K =
            new BigInteger("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21", 16);
    private static final String R = "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3";
    private static final String S = "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa";
    private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

    /** Hands out the standard's k, as the example prescribes. */
    private static final class FixedK implements DSAKCalculator {
        @Override
        public boolean isDeterministic() {
            return true;
        }

        @Override
        public void init(final BigInteger order, final SecureRandom random) {
            throw new AssertionError("a fixed k needs no randomness");
        }

        @Override
        public void init(final BigInteger order, final BigInteger privateKey, final byte[] message) {
            assertThat(order).isEqualTo(Sm2Keys.DOMAIN.getN());
        }

        @Override
        public BigInteger nextK() {
            return FIXED_K;
        }
    }

    @Test
    void derivesTheStandardPublicKey() {
        final byte[] raw = Sm2Keys.encodePublicKey(Sm2Keys.publicKeyOf(PRIVATE_KEY));
        assertThat(Hex.encode(raw)).isEqualTo("04" + PUBLIC_X + PUBLIC_Y);
        final PrivateKey key = PrivateKey.fromRaw(KeyType.SM2, BigIntegers.asUnsignedByteArray(32, PRIVATE_KEY));
        assertThat(key.publicKey().raw()).isEqualTo(raw);
    }

    @Test
    void computesTheStandardUserIdDigest() {
        final ECPoint publicKey = Sm2Keys.publicKeyOf(PRIVATE_KEY);
        assertThat(Hex.encode(Sm2Keys.userIdDigest(publicKey, Sm2Keys.DEFAULT_USER_ID))).isEqualTo(USER_ID_DIGEST);
    }

    @Test
    void reproducesTheStandardSignatureWithItsFixedK() {
        final byte[] userIdDigest = Sm2Keys.userIdDigest(Sm2Keys.publicKeyOf(PRIVATE_KEY), Sm2Keys.DEFAULT_USER_ID);
        final byte[] signature = Sm2Keys.sign(PRIVATE_KEY, userIdDigest, MESSAGE, new FixedK());
        assertThat(Hex.encode(signature)).isEqualTo(R + S);
    }

    @Test
    void verifiesTheStandardSignatureWithTheDerivedPublicKey() {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.SM2, BigIntegers.asUnsignedByteArray(32, PRIVATE_KEY));
        final PublicKey publicKey = PublicKey.parse(key.publicKey().encoded());
        assertThat(publicKey.verify(MESSAGE, Hex.decode(R + S))).isTrue();
        assertThat(publicKey.verify("message digesT".getBytes(StandardCharsets.US_ASCII), Hex.decode(R + S))).isFalse();
    }

    @Test
    void bouncyCastleVerifierAcceptsTheStandardSignature() {
        final SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        verifier.init(false, new ParametersWithID(
                new ECPublicKeyParameters(Sm2Keys.publicKeyOf(PRIVATE_KEY), Sm2Keys.DOMAIN), Sm2Keys.DEFAULT_USER_ID));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        assertThat(verifier.verifySignature(Hex.decode(R + S))).isTrue();
    }

    @Test
    void deterministicSignatureDiffersFromTheFixedKOneButVerifies() {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.SM2, BigIntegers.asUnsignedByteArray(32, PRIVATE_KEY));
        final byte[] signature = key.sign(MESSAGE);
        assertThat(Hex.encode(signature)).isNotEqualTo(R + S);
        assertThat(key.publicKey().verify(MESSAGE, signature)).isTrue();
    }
}
