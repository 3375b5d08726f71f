package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vc-di-eddsa 1.0 Recommendation's Appendix B vectors, every intermediate compared byte for byte:
 * canonical forms, both digests, the signing input, the signature and the signed credential.
 */
class DataIntegrityVectorTest {

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022, canonicalDocument.nq", "eddsa-jcs-2022, canonicalDocument.json"})
    void canonicalDocumentAndItsHashMatchTheRecommendation(final String suiteId, final String canonicalFile) {
        final Cryptosuite suite = Cryptosuite.fromId(suiteId).orElseThrow();
        final byte[] canonical = suite.canonicalize(Vectors.json(suiteId + "/unsecured.json"));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(Vectors.text(suiteId + "/" + canonicalFile));
        assertThat(Hex.encode(Hashes.sha256(canonical))).isEqualTo(Vectors.text(suiteId + "/documentHash.hex"));
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022, canonicalProofOptions.nq", "eddsa-jcs-2022, canonicalProofOptions.json"})
    void canonicalProofOptionsAndTheirHashMatchTheRecommendation(final String suiteId, final String canonicalFile) {
        final Cryptosuite suite = Cryptosuite.fromId(suiteId).orElseThrow();
        final byte[] canonical = suite.canonicalize(Vectors.json(suiteId + "/proofOptions.json"));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(Vectors.text(suiteId + "/" + canonicalFile));
        assertThat(Hex.encode(Hashes.sha256(canonical))).isEqualTo(Vectors.text(suiteId + "/proofOptionsHash.hex"));
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022", "eddsa-jcs-2022"})
    void signingInputAndSignatureMatchTheRecommendation(final String suiteId) {
        final Cryptosuite suite = Cryptosuite.fromId(suiteId).orElseThrow();
        final byte[] hashData = DataIntegrity.hashData(suite,
                Vectors.json(suiteId + "/proofOptions.json"), Vectors.json(suiteId + "/unsecured.json"));
        final byte[] signature = Vectors.KEY.sign(hashData);

        assertThat(Hex.encode(hashData)).isEqualTo(Vectors.text(suiteId + "/combinedHash.hex"));
        assertThat(Hex.encode(signature)).isEqualTo(Vectors.text(suiteId + "/signature.hex"));
        assertThat(Multibase.encodeBase58Btc(signature)).isEqualTo(Vectors.text(suiteId + "/proofValue.txt"));
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022", "eddsa-jcs-2022"})
    void addingAProofReproducesTheSignedCredential(final String suiteId) {
        final Cryptosuite suite = Cryptosuite.fromId(suiteId).orElseThrow();

        final JsonObject signed = DataIntegrity.addProof(Vectors.json(suiteId + "/unsecured.json"),
                ProofOptions.assertion(suite, Vectors.METHOD, Vectors.CREATED), Vectors.KEY);

        assertThat(signed).isEqualTo(Vectors.json(suiteId + "/signed.json"));
        assertThat(JsonText.write(signed.getJsonObject("proof")))
                .isEqualTo(JsonText.write(Vectors.json(suiteId + "/signed.json").getJsonObject("proof")));
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022", "eddsa-jcs-2022"})
    void theSignedCredentialVerifiesWithDidKey(final String suiteId) {
        final ProofVerification verification = DataIntegrity.verify(Vectors.json(suiteId + "/signed.json"),
                ProofExpectations.assertion(Vectors.NOW), VerificationMethodResolver.didKey());

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.verified()).isTrue();
        assertThat(verification.provers()).extracting(VerificationMethod::id).containsExactly(Vectors.METHOD);
    }

    @Test
    void theKeyPairVectorDerivesItsPublicKey() {
        final JsonObject keyPair = Vectors.json("keyPair.json");

        assertThat(Multikey.encode(Multikey.decodePrivateKey(keyPair.getString("privateKeyMultibase")).publicKey()))
                .isEqualTo(keyPair.getString("publicKeyMultibase"));
        assertThat(Multikey.encodePrivateKey(Vectors.KEY)).isEqualTo(keyPair.getString("privateKeyMultibase"));
    }
}
