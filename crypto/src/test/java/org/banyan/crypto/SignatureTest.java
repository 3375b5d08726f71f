package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;

/** Signing and verification for both key types, against published vectors and as properties. */
class SignatureTest {

    private static final byte[] EMPTY = new byte[0];

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reproducesRfc8032TestVectorOne() {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.ED25519,
                Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(Hex.encode(key.publicKey().raw()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        final byte[] signature = key.sign(EMPTY);
        assertThat(Hex.encode(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(key.publicKey().verify(EMPTY, signature)).isTrue();
        assertThat(key.publicKey().verify(new byte[] {0}, signature)).isFalse();
    }

    @Test
    void reproducesRfc8032TestVectorTwo() {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.ED25519,
                Hex.decode("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(Hex.encode(key.sign(new byte[] {0x72})))
                .isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void reproducesRfc004BidDocumentProof() {
        final String sortedCompactDocument = "{\"@context\":[\"https://w3.org/ns/did/v1\"],"
                + "\"authentication\":[\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1\"],"
                + "\"created\":\"2021-06-24T09:10:09Z\","
                + "\"extension\":{\"attributes\":[{\"desc\":\"contract address\",\"encrypt\":1,\"format\":\"text\","
                + "\"key\":\"contract\",\"value\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG\"}],"
                + "\"recovery\":[\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1\"],\"ttl\":86400,\"type\":105},"
                + "\"id\":\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx\","
                + "\"publicKey\":[{\"controller\":\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx\","
                + "\"id\":\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1\","
                + "\"publicKeyHex\":\"b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06\","
                + "\"type\":\"Ed25519\"}],"
                + "\"updated\":\"2021-06-24T09:10:09Z\",\"version\":\"1.1.0\"}";
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        assertThat(Base58.encode(key.sign(utf8(sortedCompactDocument))))
                .isEqualTo("5jFX6UKMVTg73LCWamNdeZACCMftMjSrJvZpL86ULefr3216SKRfgH6YkrmHT5DACYSpVEeN9RcnNES8cAHBVsMw");
    }

    @Test
    void reproducesRfc004CredentialProof() {
        final String sortedCompactCredential = "{\"credentialSubject\":{\"content\":{\"registerCapital\":\"1000.0\","
                + "\"status\":\"2\"},\"id\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG\","
                + "\"name\":\"asc\",\"type\":202},"
                + "\"effectiveDate\":\"2021-01-20T12:01:20Z\",\"expirationDate\":\"2021-04-02T12:01:20Z\","
                + "\"issuanceDate\":\"2021-01-20T12:01:20Z\",\"issuer\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG\","
                + "\"revocationId\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG#revocation\"}";
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        final byte[] signature = Base58.decode(
                "4TWzvxXDgejyWK7syUeg68WFd6Kf5cGV8bnEYR35UaKX18VRwemnnBuuGkMHGrSP2qbDac9WwhTffLQhyzz2Vp5m");
        assertThat(key.sign(utf8(sortedCompactCredential))).isEqualTo(signature);
        assertThat(key.publicKey().verify(utf8(sortedCompactCredential), signature)).isTrue();
    }

    @Test
    void reproducesSdkEd25519Signature() {
        final PrivateKey key = PrivateKey.parse("priSPKiH6Z2J7fXwN3WvXSHUYrSnFr3VwTMe2s3nmvLp4osgi8");
        assertThat(key.publicKey().encoded())
                .isEqualTo("b065663bbce79ee9ca5b6e3933f4aa3909832f225dc63ac52415d110c49ddad2c20d14");
        assertThat(Hex.encode(key.sign(Hex.decode("6080"))))
                .isEqualTo("5835bdb2fbedb0dbacbfcb2fc040794a8ea05bdf1149903898401063a6d94fa9"
                        + "973a8a9fa3cec2df8e7b3435e5879fb83cd0621d39c68f3e829287118fee0b0f");
    }

    @Test
    void verifiesSdkSm2TransactionSignature() {
        final PublicKey key = PublicKey.parse("b07a66048d0283b897f59fd60db0410644e78eb38fd85e57f3e681a780ec807641e9dda4"
                + "bed60055fc013d7362ba2e1654a5fac1b2b6d240dcc029dd146ed6d40daf9490");
        final byte[] transactionBlob = Hex.decode("0a286469643a6269643a7a6656484a6e6f70383735554d506d736b616d"
                + "344a43346b4c5734744161444b10012236080122320a286469643a6269643a656678513967545a3351685669536a7154"
                + "7857734a7a57657a6a425573644d541a0608011a0208012a047465737430904e3801");
        final byte[] signature = Hex.decode("d86f2f00048d76afc8d3b533761418cb1d690467ef4fda6e1fd9243ad23eb4cd"
                + "8dc91dc08ed9f12fa34d01d4d3b9c31d236d62c6a445336b81c3676d06da5067");
        assertThat(key.verify(transactionBlob, signature)).isTrue();
        transactionBlob[transactionBlob.length - 1] ^= 1;
        assertThat(key.verify(transactionBlob, signature)).isFalse();
    }

    @Test
    void verifiesSdkSm2SignatureOnlyForItsMessage() {
        final PublicKey key = PublicKey.parse("b07a6604d964f18cc1ac9bc73189c46a80934f3e94cc011af1907ede771f61b2c0ae0e"
                + "55e23e05a2fd00b341afd2eb0927d7588189fdace4b1327e6bb22bc232a772d723");
        final byte[] signature = Hex.decode("d327e035e765e83dc3f2d1b16d988a5a673cbfe1197f3cfe7c45b75cd0f5fb36"
                + "47205ffdcb4f45059dd1d18321362d60d4cba13d7c0c5132e6459c68553f6221");
        assertThat(key.verify(Hex.decode("6080"), signature)).isTrue();
        assertThat(key.verify(Hex.decode("608020"), signature)).isFalse();
    }

    @Test
    void signaturesVerifyUnderTheirKey() {
        qt().withExamples(40).forAll(Generators.privateKeys(), Generators.bytes(0, 200)).checkAssert((key, message) -> {
            final byte[] signature = key.sign(message);
            assertThat(signature).hasSize(64);
            assertThat(key.publicKey().verify(message, signature)).isTrue();
            assertThat(PublicKey.parse(key.publicKey().encoded()).verify(message, signature)).isTrue();
        });
    }

    @Test
    void signingIsDeterministic() {
        qt().withExamples(20).forAll(Generators.privateKeys(), Generators.bytes(0, 64)).checkAssert((key, message) ->
                assertThat(key.sign(message)).isEqualTo(key.sign(message)));
    }

    @Test
    void tamperedMessageFails() {
        qt().withExamples(40).forAll(Generators.privateKeys(), Generators.bytes(1, 100), integers().between(0, 1 << 20))
                .checkAssert((key, message, position) -> {
                    final byte[] signature = key.sign(message);
                    final byte[] tampered = message.clone();
                    tampered[position % tampered.length] ^= (byte) (1 << (position % 8));
                    assertThat(key.publicKey().verify(tampered, signature)).isFalse();
                });
    }

    @Test
    void tamperedSignatureFails() {
        qt().withExamples(40).forAll(Generators.privateKeys(), Generators.bytes(0, 100), integers().between(0, 1 << 20))
                .checkAssert((key, message, position) -> {
                    final byte[] signature = key.sign(message);
                    signature[position % signature.length] ^= (byte) (1 << (position % 8));
                    assertThat(key.publicKey().verify(message, signature)).isFalse();
                });
    }

    @Test
    void otherKeysSignatureFails() {
        qt().withExamples(20).forAll(Generators.privateKeys(), Generators.privateKeys(), Generators.bytes(0, 50))
                .assuming((first, second, message) -> !first.equals(second))
                .checkAssert((first, second, message) ->
                        assertThat(second.publicKey().verify(message, first.sign(message))).isFalse());
    }

    @Test
    void garbageSignaturesAreFalseNotErrors() {
        final byte[] message = utf8("transaction blob");
        final byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte) 0xFF);
        for (final KeyType type : KeyType.values()) {
            final PublicKey key = PrivateKey.generate(type, Generators.seededRandom(new byte[] {9})).publicKey();
            for (final byte[] signature : new byte[][] {new byte[0], new byte[63], new byte[64], new byte[65], allOnes,
                    new byte[128], Hex.decode("00".repeat(32) + "01".repeat(32))}) {
                assertThat(key.verify(message, signature)).as("%s signature %s", type, Hex.encode(signature)).isFalse();
            }
        }
    }

    @Test
    void randomBytesNeverVerify() {
        qt().withExamples(100).forAll(Generators.privateKeys(), Generators.bytes(0, 130))
                .checkAssert((key, signature) ->
                        assertThat(key.publicKey().verify(utf8("message"), signature)).isFalse());
    }

    @Test
    void bouncyCastleSm2SignaturesWithRandomNonceVerify() throws Exception {
        final PrivateKey key = PrivateKey.generate(KeyType.SM2, Generators.seededRandom(new byte[] {5}));
        final byte[] message = utf8("signed by SM2Signer with a random k");
        final SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(
                new ParametersWithRandom(
                        new ECPrivateKeyParameters(new BigInteger(1, key.raw()), Sm2Keys.DOMAIN),
                        Generators.seededRandom(new byte[] {6})),
                Sm2Keys.DEFAULT_USER_ID));
        signer.update(message, 0, message.length);
        final byte[] signature = signer.generateSignature();
        assertThat(signature).hasSize(64);
        assertThat(key.publicKey().verify(message, signature)).isTrue();
        assertThat(signature).isNotEqualTo(key.sign(message));
    }
}
