package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.junit.jupiter.api.Test;

class RdfCanonicalizationTest {

    /** The digests listed in contexts/README.md: a changed byte would change every rdfc signature. */
    private static final Map<String, String> CONTEXT_DIGESTS = Map.of(
            "credentials-v2.jsonld", "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
            "credentials-examples-v2.jsonld", "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c",
            "data-integrity-v2.jsonld", "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
            "multikey-v1.jsonld", "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
            "did-v1.jsonld", "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f");

    @Test
    void theBundledContextsAreTheExactPinnedFiles() throws IOException {
        for (final Map.Entry<String, String> entry : CONTEXT_DIGESTS.entrySet()) {
            try (InputStream stream = BundledContexts.class.getResourceAsStream("contexts/" + entry.getKey())) {
                assertThat(Hex.encode(Hashes.sha256(stream.readAllBytes()))).as(entry.getKey()).isEqualTo(entry.getValue());
            }
        }
        assertThat(BundledContexts.INSTANCE.urls()).containsExactlyInAnyOrder(BundledContexts.CREDENTIALS_V2,
                BundledContexts.CREDENTIALS_EXAMPLES_V2, BundledContexts.DATA_INTEGRITY_V2, BundledContexts.MULTIKEY_V1,
                BundledContexts.DID_V1);
    }

    @Test
    void anUnbundledContextIsRejectedWithoutTouchingTheNetwork() {
        final JsonObject document = JsonText.parseObject(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://w3id.org/citizenship/v4rc1\"],"
                        + "\"type\":\"VerifiableCredential\"}", "document");

        assertThatThrownBy(() -> RdfCanonicalization.canonicalize(document)).isInstanceOf(CredentialException.class)
                .hasMessageContaining("PROOF_TRANSFORMATION_ERROR")
                .hasMessageContaining("https://w3id.org/citizenship/v4rc1 is not one of the contexts bundled");
    }

    @Test
    void aTermNoContextDefinesFailsInsteadOfBeingDroppedFromTheSignature() {
        final JsonObject document = JsonText.parseObject("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                + "\"type\":\"VerifiableCredential\",\"unsignedClaim\":\"anything\"}", "document");

        assertThatThrownBy(() -> RdfCanonicalization.canonicalize(document)).isInstanceOf(CredentialException.class)
                .hasMessageContaining("PROOF_TRANSFORMATION_ERROR").hasMessageContaining("unsignedClaim");
    }

    @Test
    void aPoisonGraphOfIndistinguishableBlankNodesStopsAtTheStepCap() {
        final int nodes = 9;
        final JsonArrayBuilder graph = JsonText.PROVIDER.createArrayBuilder();
        for (int node = 0; node < nodes; node++) {
            final JsonArrayBuilder links = JsonText.PROVIDER.createArrayBuilder();
            for (int other = 0; other < nodes; other++) {
                if (other != node) {
                    links.add(JsonText.PROVIDER.createObjectBuilder().add("@id", "_:b" + other));
                }
            }
            graph.add(JsonText.PROVIDER.createObjectBuilder().add("@id", "_:b" + node).add("link", links));
        }
        final JsonObject document = JsonText.PROVIDER.createObjectBuilder()
                .add("@context", JsonText.PROVIDER.createObjectBuilder().add("@vocab", "https://example.org/"))
                .add("@graph", graph).build();

        assertThatThrownBy(() -> RdfCanonicalization.canonicalize(document)).isInstanceOf(CredentialException.class)
                .hasMessageContaining("needs more than " + Limits.MAX_CANONICALIZATION_STEPS + " steps");
    }

    @Test
    void theStepLimitAllowsExactlyItsCap() {
        final RdfCanonicalization.StepLimit limit = new RdfCanonicalization.StepLimit(Limits.MAX_CANONICALIZATION_STEPS);
        for (int step = 0; step < Limits.MAX_CANONICALIZATION_STEPS; step++) {
            limit.tick();
        }

        assertThatThrownBy(limit::tick).isInstanceOf(RdfCanonicalization.StepLimit.Exceeded.class)
                .hasMessageContaining("more than " + Limits.MAX_CANONICALIZATION_STEPS + " steps");
    }
}
