package org.banyan.identity.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A BID document (RFC-004 §5.1), validated: every key reference resolves, every code is known, every list within
 * {@link DocumentLimits}. {@link BidDocumentCodec} parses and renders it; absent and empty lists are the same here,
 * so the signed bytes of a received document are always its received JSON, never a re-rendering.
 *
 * @param context the {@code @context} URLs, including {@link BidDocumentCodec#DID_CONTEXT}
 * @param created creation time, {@code yyyy-MM-ddTHH:mm:ssZ}
 * @param updated last update time, same format, not before {@code created}
 */
public record BidDocument(List<String> context, String version, String id, List<PublicKeyEntry> publicKeys,
                          List<String> authentication, List<AlsoKnownAs> alsoKnownAs, Extension extension,
                          List<Service> services, String created, String updated, Optional<Proof> proof) {

    public BidDocument {
        context = List.copyOf(context);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        publicKeys = List.copyOf(publicKeys);
        authentication = List.copyOf(authentication);
        alsoKnownAs = List.copyOf(alsoKnownAs);
        Objects.requireNonNull(extension, "extension");
        services = List.copyOf(services);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(proof, "proof");
    }

    /** The key entry with this id. */
    public Optional<PublicKeyEntry> publicKey(final String keyId) {
        return publicKeys.stream().filter(key -> key.id().equals(keyId)).findFirst();
    }

    /** The same document with {@code proof} instead of its own. */
    public BidDocument withProof(final Optional<Proof> replacement) {
        return new BidDocument(context, version, id, publicKeys, authentication, alsoKnownAs, extension, services,
            created, updated, replacement);
    }

    /** Whether this is the AC-code document of a sub-chain ({@code did:bid:<ac>}). */
    public boolean isAcCodeDocument() {
        return extension.type() == TypeCodes.DOCUMENT_AC_CODE;
    }
}
