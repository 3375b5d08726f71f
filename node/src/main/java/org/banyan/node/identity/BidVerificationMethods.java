package org.banyan.node.identity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.banyan.credentials.MethodResolution;
import org.banyan.credentials.ProofPurpose;
import org.banyan.credentials.VerificationMethod;
import org.banyan.credentials.VerificationMethodResolver;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.PublicKeyEntry;

/**
 * Resolves {@code did:bid:…#key-n} verification methods from BID documents, for credential and presentation proofs.
 * A BID document has one verification relationship, {@code authentication}; its keys are authorized for
 * {@code authentication} and {@code assertionMethod}, since BIF signs credentials with authentication keys. Other
 * keys of the document (recovery keys, say) resolve without any relationship, so no proof purpose accepts them.
 */
public final class BidVerificationMethods implements VerificationMethodResolver {

    private static final Set<ProofPurpose> AUTHENTICATION_KEY_PURPOSES =
        EnumSet.of(ProofPurpose.AUTHENTICATION, ProofPurpose.ASSERTION_METHOD);

    private final Function<String, BidResult<BidRecord>> directory;

    /** A resolver over {@code directory}, which may reach sub-chains. */
    public BidVerificationMethods(final Function<String, BidResult<BidRecord>> directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public MethodResolution resolve(final String verificationMethodId) {
        final int hash = verificationMethodId.indexOf('#');
        final String bid = hash < 0 ? verificationMethodId : verificationMethodId.substring(0, hash);
        if (hash < 0 || !BidSyntax.isValid(bid)) {
            return new MethodResolution.NotFound("a did:bid verification method id is <BID>#<key name>, got "
                + verificationMethodId);
        }
        final BidResult<BidRecord> record = directory.apply(bid);
        if (!record.isOk()) {
            return new MethodResolution.NotFound("cannot resolve " + bid + ": " + record.error().message());
        }
        if (record.value().deactivated()) {
            return new MethodResolution.NotFound(bid + " is deactivated");
        }
        final BidDocument document = BidDocumentCodec.parse(record.value().documentJson().orElseThrow()).value().document();
        final Optional<PublicKeyEntry> key = document.publicKey(verificationMethodId);
        if (key.isEmpty()) {
            return new MethodResolution.NotFound("the document of " + bid + " has no key " + verificationMethodId);
        }
        final Set<ProofPurpose> purposes = document.authentication().contains(verificationMethodId)
            ? AUTHENTICATION_KEY_PURPOSES : Set.of();
        return new MethodResolution.Found(new VerificationMethod(verificationMethodId, key.get().controller(),
            key.get().publicKey(), purposes));
    }
}
