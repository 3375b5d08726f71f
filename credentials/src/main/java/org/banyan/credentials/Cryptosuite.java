package org.banyan.credentials;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Data Integrity cryptosuites this module implements (vc-di-eddsa 1.0, W3C Recommendation 15 May
 * 2025): both sign {@code SHA-256(canonical proof options) || SHA-256(canonical document)} with
 * Ed25519 and differ in the canonical form.
 */
public enum Cryptosuite {
    /** RDF Dataset Canonicalization of the JSON-LD (vc-di-eddsa §3.2); needs every context bundled. */
    EDDSA_RDFC_2022("eddsa-rdfc-2022"),
    /** JSON Canonicalization Scheme (vc-di-eddsa §3.3); the proof keeps a copy of the document's context. */
    EDDSA_JCS_2022("eddsa-jcs-2022");

    private final String id;

    Cryptosuite(final String id) {
        this.id = id;
    }

    /** The {@code cryptosuite} value, e.g. {@code eddsa-rdfc-2022}. */
    public String id() {
        return id;
    }

    /** The suite with this identifier, if supported. */
    public static Optional<Cryptosuite> fromId(final String id) {
        for (final Cryptosuite suite : values()) {
            if (suite.id.equals(id)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }

    /**
     * The canonical UTF-8 bytes of a document or of proof options.
     *
     * @throws CredentialException with {@link ProblemType#PROOF_TRANSFORMATION_ERROR} if the input has
     *     no canonical form
     */
    public byte[] canonicalize(final JsonObject document) {
        final String canonical = switch (this) {
            case EDDSA_RDFC_2022 -> RdfCanonicalization.canonicalize(document);
            case EDDSA_JCS_2022 -> JsonCanonicalization.canonicalize(document);
        };
        return canonical.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the added proof carries the document's {@code @context} (jcs) or leaves it out (rdfc). */
    boolean proofCarriesContext() {
        return this == EDDSA_JCS_2022;
    }
}
