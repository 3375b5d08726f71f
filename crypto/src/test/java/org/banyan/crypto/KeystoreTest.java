package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeystoreTest {

    /** Keystores written by a BIF SDK (from the BIF JavaScript SDK tests), password {@code 123}. */
    private static final String SDK_SM2_KEYSTORE = "{\"cypher_text\":\"b5da35be6383c271cfa3527f01e70aac0b469cadfbc5"
            + "46fd1e8004ab24210efde698c12a60e8b9f0f7ecfd149185412a67d0\","
            + "\"aesctr_iv\":\"c3020e443efdd9cf97530ac5c8ae6521\","
            + "\"scrypt_params\":{\"n\":16384,\"p\":1,\"r\":8,"
            + "\"salt\":\"9af8e2e62eff7debae9c37755d276c07e25efc00471f49e0ffed3823b2d4691a\"},"
            + "\"version\":2,\"address\":\"did:bid:zfFqez6uWDXzdmfqgmPPy2YYRnFDGtZh\"}";
    private static final String SDK_ED25519_KEYSTORE = "{\"cypher_text\":\"63d06403a5109eb390282378f18d49b3c99a9084fee2"
            + "fc84b75ceb2efbad76b17a08adc4ea0621ed1ac4eab73f7afa1a20b4\","
            + "\"aesctr_iv\":\"2c6489fa87d680bae851c201e50bd28c\","
            + "\"scrypt_params\":{\"n\":16384,\"p\":1,\"r\":8,"
            + "\"salt\":\"d8cdb582b74653b02236461a841ea176efff4ff325f727e1cab07df981a27ea1\"},"
            + "\"version\":2,\"address\":\"did:bid:efeXUvhpPNEfxNxgx1DvkHBAYon2xGjJ\"}";
    private static final char[] SDK_PASSWORD = "123".toCharArray();

    /** Decrypts the SDK's Ed25519 keystore after replacing one piece of its text. */
    private static PrivateKey decryptEdited(final String original, final String replacement) {
        return Keystore.decrypt(SDK_ED25519_KEYSTORE.replace(original, replacement), SDK_PASSWORD);
    }

    @Test
    void decryptsSdkKeystores() {
        assertThat(Keystore.decrypt(SDK_SM2_KEYSTORE, SDK_PASSWORD).encoded())
                .isEqualTo("priSrrn11eaTMRNwtNPv57DnnoaEKVbQAmPAaXsuBMBKLLGqui");
        assertThat(Keystore.decrypt(SDK_ED25519_KEYSTORE, SDK_PASSWORD).encoded())
                .isEqualTo("priSPKrxmNR9p5aBjH1kxyXdRrvoksRSkbTTwsrVKb9A1HbcEd");
    }

    @Test
    void decryptsUpperCaseHexAsTheJavaSdkWritesIt() {
        final String upper = SDK_ED25519_KEYSTORE
                .replace("63d06403a5109eb390282378f18d49b3c99a9084fee2fc84b75",
                        "63d06403a5109eb390282378f18d49b3c99a9084fee2fc84b75".toUpperCase(Locale.ROOT))
                .replace("2c6489fa87d680bae851c201e50bd28c", "2C6489FA87D680BAE851C201E50BD28C");
        assertThat(Keystore.decrypt(upper, SDK_PASSWORD).encoded())
                .isEqualTo("priSPKrxmNR9p5aBjH1kxyXdRrvoksRSkbTTwsrVKb9A1HbcEd");
    }

    @Test
    void rejectsWrongPasswordForSdkKeystore() {
        assertThatThrownBy(() -> Keystore.decrypt(SDK_ED25519_KEYSTORE, "12345".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wrong password or corrupted keystore");
    }

    @Test
    void writesTheVersionTwoShape() {
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        final String json = Keystore.encrypt(key, "secret".toCharArray(), Generators.seededRandom(new byte[] {1}));
        assertThat(json)
                .matches("\\{\"address\":\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx\",\"aesctr_iv\":\"[0-9a-f]{32}\","
                        + "\"cypher_text\":\"[0-9a-f]{100}\",\"scrypt_params\":\\{\"n\":16384,\"p\":1,\"r\":8,"
                        + "\"salt\":\"[0-9a-f]{64}\"},\"version\":2}");
        assertThat(json).doesNotContain(key.encoded());
    }

    @Test
    void roundTripsAndRejectsOtherPasswords() {
        // scrypt at the SDK's n = 16384 costs tens of milliseconds, so a few examples suffice.
        qt().withExamples(4).forAll(Generators.privateKeys(), strings().allPossible().ofLengthBetween(0, 20))
                .checkAssert((key, password) -> {
                    final String json =
                            Keystore.encrypt(key, password.toCharArray(), Generators.seededRandom(key.raw()));
                    assertThat(Keystore.decrypt(json, password.toCharArray())).isEqualTo(key);
                    assertThatThrownBy(() -> Keystore.decrypt(json, (password + "x").toCharArray()))
                            .hasMessage("wrong password or corrupted keystore");
                });
    }

    @Test
    void freshSaltAndIvMakeEachKeystoreDifferent() {
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        final String first = Keystore.encrypt(key, SDK_PASSWORD, Generators.seededRandom(new byte[] {1}));
        final String second = Keystore.encrypt(key, SDK_PASSWORD, Generators.seededRandom(new byte[] {2}));
        assertThat(first).isNotEqualTo(second);
        assertThat(Keystore.decrypt(second, SDK_PASSWORD)).isEqualTo(key);
    }

    @Test
    void rejectsAddressThatDoesNotMatchTheKey() {
        final String otherAddress = SDK_ED25519_KEYSTORE.replace("did:bid:efeXUvhpPNEfxNxgx1DvkHBAYon2xGjJ",
                "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
        assertThatThrownBy(() -> Keystore.decrypt(otherAddress, SDK_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wrong password or corrupted keystore");
    }

    @Test
    void rejectsCorruptedCypherText() {
        final String corrupted = SDK_ED25519_KEYSTORE.replace("\"63d06403", "\"73d06403");
        assertThatThrownBy(() -> Keystore.decrypt(corrupted, SDK_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wrong password or corrupted keystore");
    }

    @Test
    void rejectsOtherVersions() {
        assertThatThrownBy(() -> decryptEdited("\"version\":2", "\"version\":3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported keystore version 3");
    }

    @Test
    void rejectsMissingExtraAndMistypedMembers() {
        assertThatThrownBy(() -> decryptEdited(",\"address\":\"did:bid:efeXUvhpPNEfxNxgx1DvkHBAYon2xGjJ\"", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have exactly the members");
        assertThatThrownBy(() -> decryptEdited("\"version\":2", "\"version\":2,\"id\":\"x\""))
                .hasMessageContaining("must have exactly the members");
        assertThatThrownBy(() -> decryptEdited("\"version\":2", "\"version\":\"2\""))
                .hasMessageContaining("\"version\" has the wrong type");
        assertThatThrownBy(() -> Keystore.decrypt("{}", SDK_PASSWORD))
                .hasMessageContaining("\"version\" is missing");
        assertThatThrownBy(() -> decryptEdited("\"p\":1,", ""))
                .hasMessageContaining("scrypt_params must have exactly the members");
    }

    @Test
    void rejectsMalformedFields() {
        assertThatThrownBy(() -> decryptEdited("2c6489fa87d680bae851c201e50bd28c", "2c6489"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aesctr_iv must be 16 bytes, got 3");
        assertThatThrownBy(() -> decryptEdited("\"63d0", "\"x3d0"))
                .hasMessageContaining("invalid hex character");
        assertThatThrownBy(() -> decryptEdited("did:bid:ef", "did:bid:xf"))
                .hasMessageContaining("'ef' (Ed25519) or 'zf' (SM2)");
        assertThatThrownBy(() -> decryptEdited("\"n\":16384", "\"n\":1000"))
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> Keystore.decrypt(SDK_ED25519_KEYSTORE.substring(1), SDK_PASSWORD))
                .hasMessageContaining("malformed keystore JSON");
    }

    @Test
    void acceptsJsonAtTheLengthCapAndRejectsLonger() {
        final String padding = " ".repeat(Keystore.MAX_JSON_LENGTH_CHARS - SDK_ED25519_KEYSTORE.length());
        final String atCap = padding + SDK_ED25519_KEYSTORE;
        assertThat(atCap).hasSize(Keystore.MAX_JSON_LENGTH_CHARS);
        assertThat(Keystore.decrypt(atCap, SDK_PASSWORD).encoded())
                .isEqualTo("priSPKrxmNR9p5aBjH1kxyXdRrvoksRSkbTTwsrVKb9A1HbcEd");
        assertThatThrownBy(() -> Keystore.decrypt(" " + atCap, SDK_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Keystore.MAX_JSON_LENGTH_CHARS + " characters");
    }

    @Test
    void acceptsScryptMemoryAtTheCapAndRejectsMore() {
        final long cost = 1L << 17;
        final long blockSizeAtCap = Keystore.MAX_SCRYPT_MEMORY_BYTES / 128 / cost;
        Keystore.checkScryptParameters(cost, blockSizeAtCap, 1);
        assertThatThrownBy(() -> Keystore.checkScryptParameters(cost, blockSizeAtCap + 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more than 128 MiB");
        assertThatThrownBy(() -> Keystore.checkScryptParameters(cost * 2, blockSizeAtCap, 1))
                .hasMessageContaining("needs more than 128 MiB");
        assertThatThrownBy(() -> decryptEdited("\"n\":16384", "\"n\":1073741824"))
                .hasMessageContaining("needs more than");
    }

    @Test
    void acceptsScryptParallelismAtTheCapAndRejectsMore() {
        Keystore.checkScryptParameters(Keystore.DEFAULT_SCRYPT_COST, Keystore.DEFAULT_SCRYPT_BLOCK_SIZE,
                Keystore.MAX_SCRYPT_PARALLELISM);
        assertThatThrownBy(() -> Keystore.checkScryptParameters(Keystore.DEFAULT_SCRYPT_COST,
                Keystore.DEFAULT_SCRYPT_BLOCK_SIZE, Keystore.MAX_SCRYPT_PARALLELISM + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scrypt p is at most " + Keystore.MAX_SCRYPT_PARALLELISM);
    }

    @Test
    void rejectsDegenerateScryptParameters() {
        assertThatThrownBy(() -> Keystore.checkScryptParameters(1, 8, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Keystore.checkScryptParameters(3, 8, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Keystore.checkScryptParameters(1L << 31, 1, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Keystore.checkScryptParameters(16384, 0, 1)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Keystore.checkScryptParameters(16384, 8, 0)).hasMessageContaining("must be positive");
    }
}
