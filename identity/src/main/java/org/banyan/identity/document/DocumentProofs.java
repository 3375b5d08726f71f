package org.banyan.identity.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.banyan.crypto.Base58;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.banyan.identity.json.CanonicalJson;

/**
 * The BID proof (RFC-004 §6.1.6, RFC-005 §5.4), for documents and any other signed JSON: drop the {@code proof}
 * member, write the rest as canonical JSON (RFC 8785), sign those UTF-8 bytes with Ed25519 or SM2 (SM3, the default
 * user id, raw {@code r||s}), and write the signature in BIF-Base58.
 */
public final class DocumentProofs {

    /** The member that carries the proof and is left out of what it signs. */
    public static final String PROOF_MEMBER = "proof";

    private DocumentProofs() {
    }

    /** The bytes a proof over {@code json} signs: its canonical form without {@code proof}. */
    public static byte[] signingInput(final ObjectNode json) {
        return CanonicalJson.textWithout(json, PROOF_MEMBER).getBytes(StandardCharsets.UTF_8);
    }

    /** The BIF-Base58 signature of {@code json} (its {@code proof}, if any, left out) by {@code key}. */
    public static String signatureValue(final ObjectNode json, final PrivateKey key) {
        return Base58.encode(key.sign(signingInput(json)));
    }

    /** Whether {@code signatureValue} is {@code key}'s signature over {@code json} without its proof. */
    public static boolean verify(final ObjectNode json, final String signatureValue, final PublicKey key) {
        return verify(signingInput(json), signatureValue, key);
    }

    /** Whether {@code signatureValue} is {@code key}'s signature over {@code signingInput}, already canonical. */
    public static boolean verify(final byte[] signingInput, final String signatureValue, final PublicKey key) {
        final byte[] signature;
        try {
            signature = Base58.decode(signatureValue);
        } catch (final IllegalArgumentException e) {
            return false;
        }
        return ProofCaches.verify(key, signingInput, signature);
    }

    /**
     * Checks a stored document against itself, as a trusted resolution does: its proof must name one of its own
     * {@code authentication} or {@code extension.recovery} keys and verify with it. Returns what fails, or empty when
     * the proof holds. The ledger checked the proof against the previous version when the document was written, so a
     * document recovered with a since-removed recovery key fails here although the chain accepted it.
     */
    public static Optional<String> checkOwnProof(final ParsedDocument parsed) {
        final BidDocument document = parsed.document();
        if (document.proof().isEmpty()) {
            return Optional.of("the document has no proof");
        }
        final String creator = document.proof().get().creator();
        if (!document.authentication().contains(creator) && !document.extension().recovery().contains(creator)) {
            return Optional.of("proof.creator " + creator + " is not an authentication or recovery key of the document");
        }
        final PublicKey key = document.publicKey(creator).orElseThrow().publicKey();
        return verify(parsed.signingInput(), document.proof().get().signatureValue(), key) ? Optional.empty()
            : Optional.of("the proof by " + creator + " does not verify over the document without its proof");
    }

    /**
     * {@code document} signed by {@code key} as the key with id {@code creator}: the proof covers the document as
     * {@link BidDocumentCodec#toJson} renders it, which is the JSON to send.
     */
    public static BidDocument sign(final BidDocument document, final PrivateKey key, final String creator) {
        final ObjectNode json = BidDocumentCodec.toJson(document.withProof(Optional.empty()));
        return document.withProof(Optional.of(new Proof(creator, signatureValue(json, key))));
    }
}
