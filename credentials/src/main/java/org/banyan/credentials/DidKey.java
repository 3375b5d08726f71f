package org.banyan.credentials;

import java.util.EnumSet;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PublicKey;

/**
 * A {@code did:key} identifier for an Ed25519 key (did:key method v0.7): {@code did:key:} followed
 * by the key's Multikey value, {@code z6Mk…}. Its one verification method has the id
 * {@code did:key:z6Mk…#z6Mk…} and serves every verification relationship.
 *
 * <p>Only Ed25519 is accepted: the method's registry has no SM2 key type, so an SM2 {@code did:key}
 * would resolve nowhere else.
 */
public record DidKey(PublicKey publicKey) {

    /** The DID method prefix. */
    public static final String PREFIX = "did:key:";

    /** Checks that the key is Ed25519. */
    public DidKey {
        if (publicKey.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("did:key supports Ed25519 keys only, got " + publicKey.type());
        }
    }

    /**
     * Parses {@code did:key:z6Mk…}.
     *
     * @throws IllegalArgumentException if the text is not a did:key of a valid Ed25519 key
     */
    public static DidKey parse(final String did) {
        if (!did.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a did:key must start with '" + PREFIX + "'");
        }
        final PublicKey publicKey = Multikey.decodePublicKey(did.substring(PREFIX.length()));
        if (publicKey.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("did:key supports Ed25519 keys only, got " + publicKey.type());
        }
        return new DidKey(publicKey);
    }

    /** The key's Multikey value, {@code z6Mk…}. */
    public String multibase() {
        return Multikey.encode(publicKey);
    }

    /** The DID, {@code did:key:z6Mk…}. */
    public String did() {
        return PREFIX + multibase();
    }

    /** The id of the key's verification method, {@code did:key:z6Mk…#z6Mk…}. */
    public String verificationMethodId() {
        return did() + '#' + multibase();
    }

    /** The key's verification method, authorized for every purpose. */
    public VerificationMethod verificationMethod() {
        return new VerificationMethod(verificationMethodId(), did(), publicKey, EnumSet.allOf(ProofPurpose.class));
    }

    /** Resolves a did:key verification method id; the fragment must repeat the key. */
    static MethodResolution resolve(final String verificationMethodId) {
        final int hash = verificationMethodId.indexOf('#');
        final String did = hash < 0 ? verificationMethodId : verificationMethodId.substring(0, hash);
        final DidKey didKey;
        try {
            didKey = parse(did);
        } catch (IllegalArgumentException e) {
            return new MethodResolution.NotFound("cannot resolve " + did + ": " + e.getMessage());
        }
        if (hash < 0 || !verificationMethodId.substring(hash + 1).equals(didKey.multibase())) {
            return new MethodResolution.NotFound("a did:key verification method id is the DID, '#' and the key's "
                    + "multibase value again; got " + verificationMethodId);
        }
        return new MethodResolution.Found(didKey.verificationMethod());
    }

    @Override
    public String toString() {
        return did();
    }
}
