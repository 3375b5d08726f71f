package org.banyan.credentials;

/**
 * The kinds of problem a verification or issuance can report, with the RFC 9457 {@code type} URL
 * that the VC Data Model 2.0 (§7.2) and Data Integrity 1.0 (§4.7) assign them.
 *
 * <p>Problems that neither specification names (validity period, revocation) use a {@code urn:}
 * type of this project so that no client mistakes them for a standard code.
 */
public enum ProblemType {
    /** The input is not JSON, is too large or too deep, or repeats a member name. */
    PARSING_ERROR(Namespace.VC_DATA_MODEL, "Parsing error"),
    /** A signature does not match: the document changed after it was signed, or the key is wrong. */
    CRYPTOGRAPHIC_SECURITY_ERROR(Namespace.VC_DATA_MODEL, "Cryptographic security error"),
    /** A property has a value of the wrong form, or a required property is missing. */
    MALFORMED_VALUE_ERROR(Namespace.VC_DATA_MODEL, "Malformed value error"),
    /** A value is outside its allowed range, such as more items than a cap allows. */
    RANGE_ERROR(Namespace.VC_DATA_MODEL, "Range error"),
    /** A proof could not be created. */
    PROOF_GENERATION_ERROR(Namespace.SECURITY, "Proof generation error"),
    /** A proof could not be verified: unknown key, unsupported suite, bad proof options. */
    PROOF_VERIFICATION_ERROR(Namespace.SECURITY, "Proof verification error"),
    /** The document could not be canonicalized (an unknown context, an undefined term, too much work). */
    PROOF_TRANSFORMATION_ERROR(Namespace.SECURITY, "Proof transformation error"),
    /** A proof lacks a required member or has one of the wrong form. */
    MALFORMED_PROOF_ERROR(Namespace.SECURITY, "Malformed proof error"),
    /** The proof was made for another purpose, or the key may not be used for this purpose. */
    MISMATCHED_PROOF_PURPOSE_ERROR(Namespace.SECURITY, "Mismatched proof purpose error"),
    /** The proof's domain is not the one the verifier expects. */
    INVALID_DOMAIN_ERROR(Namespace.SECURITY, "Invalid domain error"),
    /** The proof's challenge is not the one the verifier issued. */
    INVALID_CHALLENGE_ERROR(Namespace.SECURITY, "Invalid challenge error"),
    /** The credential's {@code validFrom} is later than the verification time. */
    NOT_YET_VALID(Namespace.BANYAN, "Credential not yet valid"),
    /** The credential's {@code validUntil} is earlier than the verification time. */
    EXPIRED(Namespace.BANYAN, "Credential expired"),
    /** The revocation registry lists the credential as revoked. */
    REVOKED(Namespace.BANYAN, "Credential revoked"),
    /** The revocation registry could not say whether the credential is revoked. */
    REVOCATION_STATUS_UNKNOWN(Namespace.BANYAN, "Revocation status unknown");

    private final String typeUrl;
    private final String title;

    ProblemType(final String namespace, final String title) {
        this.typeUrl = namespace + name();
        this.title = title;
    }

    /** The RFC 9457 {@code type} member. */
    public String typeUrl() {
        return typeUrl;
    }

    /** The RFC 9457 {@code title} member: short, the same for every problem of this type. */
    public String title() {
        return title;
    }

    /** Holds the namespace prefixes, which enum constants cannot reference as their own static fields. */
    private static final class Namespace {
        static final String VC_DATA_MODEL = "https://www.w3.org/TR/vc-data-model#";
        static final String SECURITY = "https://w3id.org/security#";
        static final String BANYAN = "urn:banyan:credentials:problem:";
    }
}
