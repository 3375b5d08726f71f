package org.banyan.credentials;

/**
 * Every cap of the credentials module, each with the reason for its value.
 *
 * <p>Credentials and presentations arrive from untrusted clients over HTTP. JSON-LD expansion,
 * RDF canonicalization and Base58 decoding all cost more than linear time in the worst case, so
 * each input is bounded before that work starts, and going past a cap is a clear error.
 */
public final class Limits {

    /**
     * Longest JSON text accepted by any entry point, in characters: a credential with a few embedded
     * images stays well below it, while canonicalizing it stays in the millisecond range.
     */
    public static final int MAX_JSON_LENGTH_CHARS = 256 * 1024;

    /**
     * Deepest nesting of JSON objects and arrays: real credentials nest fewer than ten levels, and
     * the JSON and JSON-LD processors recurse once per level, so a cap keeps their stacks small.
     */
    public static final int MAX_JSON_NESTING_DEPTH = 32;

    /** Most proofs in one proof set: one per signer, and no issuer needs more co-signers than this. */
    public static final int MAX_PROOFS_PER_DOCUMENT = 4;

    /** Most credentials in one presentation; each is verified in full, so this bounds the work per request. */
    public static final int MAX_CREDENTIALS_PER_PRESENTATION = 16;

    /**
     * Longest multibase text of a key or signature: a 64-byte signature takes 89 characters, an SM2
     * key 50; the cap stops quadratic Base58 decoding of a large value.
     */
    public static final int MAX_MULTIBASE_LENGTH_CHARS = 128;

    /**
     * Most steps the RDF canonicalization may take on one document. A "poison" graph of many
     * indistinguishable blank nodes makes RDFC-1.0 take exponential time; ordinary credentials take
     * a few dozen steps.
     */
    public static final int MAX_CANONICALIZATION_STEPS = 10_000;

    /**
     * Longest compact JWS accepted, in characters: the Base64url payload of a JSON text at
     * {@link #MAX_JSON_LENGTH_CHARS} plus room for the header and signature.
     */
    public static final int MAX_JWS_LENGTH_CHARS = MAX_JSON_LENGTH_CHARS * 4 / 3 + 4096;

    private Limits() {
    }
}
