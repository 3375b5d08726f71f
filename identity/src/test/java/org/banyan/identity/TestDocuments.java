package org.banyan.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.document.AlsoKnownAs;
import org.banyan.identity.document.Attribute;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.banyan.identity.json.StrictJson;

/** Deterministic keys and well-formed documents for tests. */
public final class TestDocuments {

    /** A time before every test chain's ledgers. */
    public static final String CREATED = "2023-11-14T22:00:00Z";

    private TestDocuments() {
    }

    /** A deterministic key of either type. */
    public static PrivateKey key(final KeyType type, final int index) {
        return PrivateKey.fromRaw(type, Hashes.sha256(("identity-test-key-" + type + "-" + index).getBytes(StandardCharsets.UTF_8)));
    }

    /** A deterministic Ed25519 key. */
    public static PrivateKey key(final int index) {
        return key(KeyType.ED25519, index);
    }

    /** The BID of a key's account. */
    public static String bid(final PrivateKey key) {
        return key.publicKey().address().toString();
    }

    /**
     * The unsigned document of {@code owner}'s BID: {@code #key-1} = owner (authentication), {@code #key-2} =
     * {@code recovery} (recovery), one resolver service, one attribute, one alias; created and updated at {@code time}.
     */
    public static BidDocument document(final PrivateKey owner, final PrivateKey recovery, final String time) {
        return document(bid(owner), owner, recovery, time);
    }

    /** {@link #document(PrivateKey, PrivateKey, String)} with another id, such as the owner's sub-chain BID. */
    public static BidDocument document(final String id, final PrivateKey owner, final PrivateKey recovery,
                                       final String time) {
        return new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id,
            List.of(new PublicKeyEntry(id + "#key-1", id, owner.publicKey()),
                new PublicKeyEntry(id + "#key-2", id, recovery.publicKey())),
            List.of(id + "#key-1"), List.of(new AlsoKnownAs(101, id)),
            new Extension(List.of(id + "#key-2"), java.util.OptionalLong.of(86_400), Optional.empty(), 102,
                List.of(new Attribute("name", Optional.of("company name"), java.util.OptionalInt.of(0),
                    Optional.of("text"), Optional.of(StrictJson.object().textNode("Banyan Ltd")))), List.of(), List.of()),
            List.of(Service.of(id + "#resolver", "DIDResolver", "https://resolver.example.com")),
            time, time, Optional.empty());
    }

    /** {@link #document} signed by the owner's key-1. */
    public static BidDocument signed(final PrivateKey owner, final PrivateKey recovery, final String time) {
        return signedBy(document(owner, recovery, time), owner, "#key-1");
    }

    /** {@code document} signed by {@code key} as {@code <id><fragment>}. */
    public static BidDocument signedBy(final BidDocument document, final PrivateKey key, final String fragment) {
        return DocumentProofs.sign(document, key, document.id() + fragment);
    }

    /** The JSON text of a document. */
    public static String json(final BidDocument document) {
        return StrictJson.write(BidDocumentCodec.toJson(document));
    }
}
