package org.banyan.node;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.banyan.identity.document.TypeCodes;

/** BID documents for node tests: an owner's key as {@code #key-1} (authentication), a recovery key as {@code #key-2}. */
final class BidDocuments {

    /** A time before any test ledger closes. */
    static final String CREATED = "2024-01-01T00:00:00Z";

    private BidDocuments() {
    }

    /** The unsigned document of {@code id} with {@code keys} and these authentication key ids, updated at a time. */
    static BidDocument document(final String id, final List<PublicKeyEntry> keys, final List<String> authentication,
                                final String recoveryKeyId, final long ttlSeconds, final String updated) {
        return new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id, keys, authentication, List.of(),
            new Extension(List.of(recoveryKeyId), OptionalLong.of(ttlSeconds), Optional.empty(), 101, List.of(), List.of(),
                List.of()),
            List.of(Service.of(id + "#storage", "DIDStorage", "https://storage.example.com")), CREATED, updated,
            Optional.empty());
    }

    /** The document of {@code owner}'s BID {@code id}, key-1 the owner and key-2 {@code recovery}, at {@link #CREATED}. */
    static BidDocument first(final String id, final PrivateKey owner, final PrivateKey recovery, final long ttlSeconds) {
        return document(id, List.of(new PublicKeyEntry(id + "#key-1", id, owner.publicKey()),
            new PublicKeyEntry(id + "#key-2", id, recovery.publicKey())), List.of(id + "#key-1"), id + "#key-2",
            ttlSeconds, CREATED);
    }

    /** {@code document} signed by {@code key} as its key {@code fragment}. */
    static BidDocument signed(final BidDocument document, final PrivateKey key, final String fragment) {
        return DocumentProofs.sign(document, key, document.id() + fragment);
    }

    /**
     * The AC-code document of sub-chain {@code acCode}, written by the governance account {@code governance}, naming
     * the sub-chain resolver at {@code resolverUrl}.
     */
    static BidDocument acCode(final String acCode, final PrivateKey governance, final String resolverUrl) {
        final String id = "did:bid:" + acCode;
        final String controller = governance.publicKey().address().toString();
        final BidDocument document = new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id,
            List.of(new PublicKeyEntry(controller + "#key-1", controller, governance.publicKey())),
            List.of(controller + "#key-1"), List.of(), Extension.of(TypeCodes.DOCUMENT_AC_CODE, List.of()),
            List.of(new Service(id + "#resolver", TypeCodes.SUB_RESOLVER, resolverUrl, Optional.of("1.0.0"),
                OptionalInt.of(2), OptionalInt.of(0), OptionalInt.empty())),
            CREATED, CREATED, Optional.empty());
        return DocumentProofs.sign(document, governance, controller + "#key-1");
    }
}
