package org.banyan.identity.resolution;

/** The DID Resolution v1.0 errors this resolver reports, with their HTTP status (§12.1) and problem title. */
public enum ResolutionError {
    /** The text is not a DID, or not a valid BID. */
    INVALID_DID(400, "Invalid DID"),
    /** The DID has no document. */
    NOT_FOUND(404, "DID not found"),
    /** No representation the client accepts can be produced. */
    REPRESENTATION_NOT_SUPPORTED(406, "Representation not supported"),
    /** A resolution option is unknown or malformed. */
    INVALID_OPTIONS(400, "Invalid resolution options"),
    /** The DID is of another method than {@code bid}. */
    METHOD_NOT_SUPPORTED(501, "DID method not supported"),
    /** A known option or a kind of DID this resolver does not serve (old versions, another chain's BIDs). */
    FEATURE_NOT_SUPPORTED(501, "Feature not supported"),
    /** Resolution failed on the resolver's side, for instance a sub-chain resolver that did not answer. */
    INTERNAL_ERROR(500, "Internal error");

    /** The namespace of DID Resolution error types. */
    public static final String TYPE_PREFIX = "https://www.w3.org/ns/did#";

    private final int status;
    private final String title;

    ResolutionError(final int status, final String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The RFC 9457 {@code title}. */
    public String title() {
        return title;
    }

    /** The RFC 9457 {@code type}: {@code https://www.w3.org/ns/did#<NAME>}. */
    public String type() {
        return TYPE_PREFIX + name();
    }
}
