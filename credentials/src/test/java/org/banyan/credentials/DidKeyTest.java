package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.SplittableRandom;
import org.banyan.crypto.Base58;
import org.banyan.crypto.Hex;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

class DidKeyTest {

    @Test
    void theDidMethodKeyVectorsReproduceFromTheirSeeds() {
        try (JsonReader reader = JsonText.PROVIDER.createReader(new StringReader(Vectors.text("did-key/ed25519.json")))) {
            for (final JsonValue value : reader.readArray()) {
                final JsonObject vector = value.asJsonObject();
                final PrivateKey key = PrivateKey.fromRaw(KeyType.ED25519, Hex.decode(vector.getString("seed")));
                final DidKey didKey = new DidKey(key.publicKey());

                assertThat(didKey.did()).isEqualTo(vector.getString("did"));
                assertThat(Base58.BITCOIN.encodeBytes(key.publicKey().raw())).isEqualTo(vector.getString("publicKeyBase58"));
                assertThat(DidKey.parse(vector.getString("did"))).isEqualTo(didKey);
            }
        }
    }

    @Test
    void theZeroSeedGivesThePublishedPublicKey() {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.ED25519, new byte[32]);

        assertThat(Hex.encode(key.publicKey().raw()))
                .isEqualTo("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29");
        assertThat(new DidKey(key.publicKey()).verificationMethodId()).isEqualTo(
                "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
    }

    @Test
    void parseInvertsDidForAnyKey() {
        qt().forAll(integers().all()).checkAssert(seed -> {
            final byte[] raw = new byte[32];
            new SplittableRandom(seed).nextBytes(raw);
            final DidKey didKey = new DidKey(PrivateKey.fromRaw(KeyType.ED25519, raw).publicKey());
            assertThat(DidKey.parse(didKey.did())).isEqualTo(didKey);
        });
    }

    @Test
    void resolvesItsOneMethodForEveryPurpose() {
        final MethodResolution resolution = VerificationMethodResolver.didKey().resolve(Vectors.METHOD);

        assertThat(resolution).isInstanceOf(MethodResolution.Found.class);
        final VerificationMethod method = ((MethodResolution.Found) resolution).method();
        assertThat(method.controller()).isEqualTo("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(method.relationships()).containsExactlyInAnyOrder(ProofPurpose.values());
        assertThat(method.publicKey()).isEqualTo(Vectors.KEY.publicKey());
    }

    @Test
    void resolutionRejectsAWrongFragmentAndMalformedDids() {
        final String did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

        assertThat(VerificationMethodResolver.didKey().resolve(did + "#key-1"))
                .isInstanceOf(MethodResolution.NotFound.class);
        assertThat(VerificationMethodResolver.didKey().resolve(did)).isInstanceOf(MethodResolution.NotFound.class);
        assertThat(VerificationMethodResolver.didKey().resolve("did:key:zzz#zzz"))
                .isInstanceOf(MethodResolution.NotFound.class);
    }

    @Test
    void parseRejectsOtherMethodsBasesAndKeyTypes() {
        final String sm2 = Multikey.encode(PrivateKey.fromRaw(KeyType.SM2, new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32}).publicKey());

        assertThatThrownBy(() -> DidKey.parse("did:bid:efzE8AcDgWUeNbgujA5hK3oUeuG9k19b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did:key:");
        assertThatThrownBy(() -> DidKey.parse("did:key:u7QE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DidKey.parse("did:key:" + sm2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519 keys only");
    }

    @Test
    void routingSendsEachDidMethodToItsResolver() {
        final VerificationMethodResolver routing = VerificationMethodResolver.byDidMethod(
                Map.of("key", VerificationMethodResolver.didKey()));

        assertThat(routing.resolve(Vectors.METHOD)).isInstanceOf(MethodResolution.Found.class);
        assertThat(routing.resolve("did:bid:efzE8AcDgWUeNbgujA5hK3oUeuG9k19b#key-1"))
                .isEqualTo(new MethodResolution.NotFound("the DID method 'bid' is not supported; supported: key"));
        assertThat(routing.resolve("https://vc.example/issuers/5678#key")).isInstanceOf(MethodResolution.NotFound.class);
    }
}
