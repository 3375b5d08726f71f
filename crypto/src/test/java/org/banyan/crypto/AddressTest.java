package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressTest {

    private static final String MAIN_CHAIN = "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx";

    @Test
    void parsesMainChainAddress() {
        final Address address = Address.parse(MAIN_CHAIN);
        assertThat(address.keyType()).isEqualTo(KeyType.ED25519);
        assertThat(address.acCode()).isEmpty();
        assertThat(address.hash()).hasSize(Address.HASH_LENGTH_BYTES);
        assertThat(address).hasToString(MAIN_CHAIN);
    }

    @Test
    void parsesSubChainAddresses() {
        final Address ed25519 = Address.parse("did:bid:by01:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
        assertThat(ed25519.acCode()).contains("by01");
        assertThat(ed25519.hash()).isEqualTo(Address.parse(MAIN_CHAIN).hash());
        final Address sm2 = Address.parse("did:bid:a1b2:zfFqez6uWDXzdmfqgmPPy2YYRnFDGtZh");
        assertThat(sm2.keyType()).isEqualTo(KeyType.SM2);
        assertThat(sm2).hasToString("did:bid:a1b2:zfFqez6uWDXzdmfqgmPPy2YYRnFDGtZh");
    }

    @Test
    void hashIsTheLast22BytesOfTheKeyDigest() {
        final PublicKey ed25519 = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM").publicKey();
        final byte[] sha256 = Hashes.sha256(ed25519.raw());
        assertThat(ed25519.address().hash()).isEqualTo(Arrays.copyOfRange(sha256, 10, 32));
        final PublicKey sm2 = PrivateKey.parse("priSrrn11eaTMRNwtNPv57DnnoaEKVbQAmPAaXsuBMBKLLGqui").publicKey();
        final byte[] sm3 = Hashes.sm3(sm2.raw());
        assertThat(sm2.address().hash()).isEqualTo(Arrays.copyOfRange(sm3, 10, 32));
    }

    @Test
    void textRoundTripsWithAndWithoutAcCode() {
        qt().forAll(arbitrary().enumValues(KeyType.class), Generators.bytes(22, 22), Generators.acCodes())
                .checkAssert((type, hash, acCode) -> {
            final Address address = Address.of(type, hash, acCode);
            final Address parsed = Address.parse(address.toString());
            assertThat(parsed).isEqualTo(address).hasSameHashCodeAs(address);
            assertThat(parsed.keyType()).isEqualTo(type);
            assertThat(parsed.hash()).isEqualTo(hash);
            assertThat(parsed.acCode()).isEqualTo(acCode);
            assertThat(parsed.toString()).contains(type == KeyType.ED25519 ? "ef" : "zf");
            assertThat(BidSyntax.isValid(parsed.toString())).isTrue();
        });
    }

    @Test
    void derivedAddressesParseBack() {
        qt().withExamples(30).forAll(Generators.privateKeys(), Generators.acCodes()).checkAssert((key, acCode) -> {
            final Address address = acCode.map(key.publicKey()::address).orElseGet(key.publicKey()::address);
            assertThat(Address.tryParse(address.toString())).contains(address);
        });
    }

    @Test
    void sm2KeepsZfWithAnAcCode() {
        final Address address = Address.of(KeyType.SM2, new byte[22], Optional.of("0000"));
        assertThat(address).hasToString("did:bid:0000:zf1111111111111111111111");
    }

    @Test
    void addressesDifferByAcCodeAndType() {
        final byte[] hash = Address.parse(MAIN_CHAIN).hash();
        final Address main = Address.of(KeyType.ED25519, hash, Optional.empty());
        assertThat(main).isEqualTo(Address.parse(MAIN_CHAIN));
        assertThat(main).isNotEqualTo(Address.of(KeyType.ED25519, hash, Optional.of("by01")));
        assertThat(main).isNotEqualTo(Address.of(KeyType.SM2, hash, Optional.empty()));
    }

    @Test
    void hashReturnsACopy() {
        final Address address = Address.parse(MAIN_CHAIN);
        address.hash()[0] ^= 1;
        assertThat(address).hasToString(MAIN_CHAIN);
    }

    @Test
    void tryParseIsEmptyForInvalidText() {
        assertThat(Address.tryParse("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdX")).isEmpty();
        assertThat(Address.tryParse("")).isEmpty();
        assertThat(Address.tryParse(MAIN_CHAIN)).isPresent();
    }

    @Test
    void rejectsMissingMethodPrefix() {
        final String suffix = "ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx";
        for (final String bad : new String[] {suffix, "did:BID:" + suffix, "did:bif:" + suffix, " " + MAIN_CHAIN, ""}) {
            assertThatThrownBy(() -> Address.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must start with 'did:bid:'");
        }
    }

    @Test
    void rejectsBadAcCodes() {
        assertThatThrownBy(() -> Address.parse("did:bid:BY01:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters or digits, got 'BY01'");
        assertThatThrownBy(() -> Address.parse("did:bid:by-1:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .hasMessageContaining("lower-case letters or digits");
        assertThatThrownBy(() -> Address.parse("did:bid:by1:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .hasMessageContaining("exactly 4 characters, got 3");
        assertThatThrownBy(() -> Address.parse("did:bid:by012:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .hasMessageContaining("exactly 4 characters, got 5");
        assertThatThrownBy(() -> Address.parse("did:bid::ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Address.of(KeyType.ED25519, new byte[22], Optional.of("abcde")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 4 characters");
    }

    @Test
    void rejectsWrongTypePrefix() {
        for (final String prefix : new String[] {"sf", "eb", "Ef", "zF", "fe"}) {
            assertThatThrownBy(() -> Address.parse("did:bid:" + prefix + "18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must start with 'ef' (Ed25519) or 'zf' (SM2), got '" + prefix + "'");
        }
        assertThatThrownBy(() -> Address.parse("did:bid:e"))
                .hasMessageContaining("got 'e'");
        assertThatThrownBy(() -> Address.parse("did:bid:by01:"))
                .hasMessageContaining("got ''");
    }

    @Test
    void rejectsHashesOfTheWrongLength() {
        final byte[] ones = new byte[23];
        Arrays.fill(ones, (byte) 0xFF);
        assertThatThrownBy(() -> Address.parse("did:bid:ef" + Base58.encode(Arrays.copyOf(ones, 21))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("22 bytes, got 21");
        assertThatThrownBy(() -> Address.parse("did:bid:ef" + Base58.encode(ones)))
                .hasMessageContaining("22 bytes, got 23");
        assertThatThrownBy(() -> Address.parse("did:bid:ef1" + Base58.encode(Arrays.copyOf(ones, 22))))
                .hasMessageContaining("22 bytes, got 23");
        assertThatThrownBy(() -> Address.parse("did:bid:ef"))
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Address.of(KeyType.ED25519, new byte[21], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("22 bytes, got 21");
    }

    @Test
    void rejectsBase58CharactersOutsideTheBifAlphabet() {
        assertThatThrownBy(() -> Address.parse("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXH0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Base58 character '0'");
        assertThatThrownBy(() -> Address.parse("did:bid:by01:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx:x"))
                .hasMessageContaining("invalid Base58 character ':'");
    }

    @Test
    void checksTheSuffixLengthCapBeforeDecoding() {
        final String atCap = "ef" + "2".repeat(BidSyntax.SUFFIX_MAX_LENGTH - 2);
        assertThatThrownBy(() -> Address.parse("did:bid:" + atCap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash must decode to 22 bytes");
        assertThatThrownBy(() -> Address.parse("did:bid:" + atCap + "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + BidSyntax.SUFFIX_MAX_LENGTH + " characters, got 43");
    }
}
