package org.banyan.credentials;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;

/**
 * A compact JWS (RFC 7515 §7.1) signed with a BIF key: {@code header.payload.signature}, each part
 * Base64url without padding. The header is {@code {"alg","kid"}} with the signer's key id, e.g.
 * {@code did:bid:ef…#key-1}; the payload is the JCS form of a JSON object, so that the same object
 * always gives the same token.
 *
 * <p>Signatures are written as RFC 7515 prescribes, Base64url of the 64 signature bytes. BIF's own
 * service instead sends Base64url of the signature's hex text (RFC-014 §5 example); verification
 * accepts that form too, told apart by its decoded length of 128 hex characters.
 */
public record CompactJws(JwsAlgorithm algorithm, String keyId, JsonObject header, JsonObject payload,
        byte[] signingInput, byte[] signature) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_LENGTH_BYTES = 64;

    /** Copies the byte arrays. */
    public CompactJws {
        signingInput = signingInput.clone();
        signature = signature.clone();
    }

    /** A copy of the ASCII bytes that were signed: {@code header.payload} as received. */
    @Override
    public byte[] signingInput() {
        return signingInput.clone();
    }

    /** A copy of the 64 signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Signs the payload: the token text. */
    public static String sign(final JsonObject payload, final PrivateKey key, final String keyId) {
        final JsonObject header = JsonText.PROVIDER.createObjectBuilder()
                .add("alg", JwsAlgorithm.of(key.type()).headerName())
                .add("kid", keyId)
                .build();
        final String signingInput = encode(JsonText.write(header)) + '.' + encode(JsonCanonicalization.canonicalize(payload));
        return signingInput + '.' + ENCODER.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Parses a token without checking its signature.
     *
     * @throws CredentialException with {@link ProblemType#PARSING_ERROR} if it is too long or not three
     *     Base64url parts of JSON, or {@link ProblemType#MALFORMED_PROOF_ERROR} if the header lacks a
     *     supported {@code alg} or a {@code kid}, or the signature has the wrong length
     */
    public static CompactJws parse(final String token) {
        if (token.length() > Limits.MAX_JWS_LENGTH_CHARS) {
            throw new CredentialException(ProblemType.PARSING_ERROR, "the JWS has " + token.length()
                    + " characters; at most " + Limits.MAX_JWS_LENGTH_CHARS + " are accepted");
        }
        final String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new CredentialException(ProblemType.PARSING_ERROR,
                    "a compact JWS has three parts separated by '.', got " + parts.length);
        }
        final JsonObject header = JsonText.parseObject(decodeText(parts[0], "header"), "the JWS header");
        final JsonObject payload = JsonText.parseObject(decodeText(parts[1], "payload"), "the JWS payload");
        final String algorithmName = JsonMembers.string(header, "alg").orElse("(none)");
        final JwsAlgorithm algorithm = JwsAlgorithm.fromHeaderName(algorithmName).orElseThrow(() ->
                new CredentialException(ProblemType.MALFORMED_PROOF_ERROR, "the JWS alg '" + algorithmName
                        + "' is not supported; BIF credentials use EdDSA or SM2"));
        final String keyId = JsonMembers.string(header, "kid").orElseThrow(() -> new CredentialException(
                ProblemType.MALFORMED_PROOF_ERROR, "the JWS header has no kid naming the signing key"));
        final byte[] signingInput = (parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(algorithm, keyId, header, payload, signingInput, signatureBytes(decode(parts[2], "signature")));
    }

    /** Whether the signature checks under the key, which must be of the algorithm's type. */
    public boolean verifies(final PublicKey publicKey) {
        return publicKey.type() == algorithm.keyType() && publicKey.verify(signingInput, signature);
    }

    private static byte[] signatureBytes(final byte[] decoded) {
        if (decoded.length == SIGNATURE_LENGTH_BYTES) {
            return decoded;
        }
        if (decoded.length == 2 * SIGNATURE_LENGTH_BYTES) {
            try {
                return Hex.decode(new String(decoded, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new CredentialException(ProblemType.MALFORMED_PROOF_ERROR,
                        "the JWS signature is 128 bytes but not the hex text of a signature", e);
            }
        }
        throw new CredentialException(ProblemType.MALFORMED_PROOF_ERROR, "the JWS signature has " + decoded.length
                + " bytes; expected " + SIGNATURE_LENGTH_BYTES + " (or their hex text, as BIF sends it)");
    }

    private static String encode(final String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeText(final String part, final String name) {
        return new String(decode(part, name), StandardCharsets.UTF_8);
    }

    private static byte[] decode(final String part, final String name) {
        if (part.indexOf('=') >= 0) {
            throw new CredentialException(ProblemType.PARSING_ERROR, "the JWS " + name + " must be Base64url without padding");
        }
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(ProblemType.PARSING_ERROR, "the JWS " + name + " is not Base64url: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CompactJws
                && Arrays.equals(signingInput, ((CompactJws) other).signingInput)
                && Arrays.equals(signature, ((CompactJws) other).signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signingInput) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CompactJws[" + algorithm + ", " + keyId + "]";
    }
}
