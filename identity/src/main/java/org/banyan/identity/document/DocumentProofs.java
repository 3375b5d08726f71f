package org.banyan.identity.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        final ObjectNode unsigned = json.deepCopy();
        unsigned.remove(PROOF_MEMBER);
        return CanonicalJson.bytes(unsigned);
    }

    /** The BIF-Base58 signature of {@code json} (its {@code proof}, if any, left out) by {@code key}. */
    public static String signatureValue(final ObjectNode json, final PrivateKey key) {
        return Base58.encode(key.sign(signingInput(json)));
    }

    /** Whether {@code signatureValue} is {@code key}'s signature over {@code json} without its proof. */
    public static boolean verify(final ObjectNode json, final String signatureValue, final PublicKey key) {
        final byte[] signature;
        try {
            signature = Base58.decode(signatureValue);
        } catch (final IllegalArgumentException e) {
            return false;
        }
        return key.verify(signingInput(json), signature);
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
