package org.banyan.cli;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.banyan.crypto.PublicKey;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.banyan.identity.document.TypeCodes;

/** How the {@code did} commands build and change documents; pure functions, the clock passed in. */
final class DidDocuments {

    /** The name of the owner's key in a new document: {@code <bid>#key-1}. */
    static final String OWNER_KEY = "#key-1";

    /** The name of a separate recovery key, under its own account's BID: {@code <its address>#recovery}. */
    static final String RECOVERY_KEY = "#recovery";

    /** {@code service.protocol} of a resolver reached over HTTP. */
    private static final int HTTP_PROTOCOL = 2;

    /** {@code service.protocol} of a resolver reached over HTTPS. */
    private static final int HTTPS_PROTOCOL = 3;

    /** {@code service.serverType} of an endpoint named by domain (a URL here). */
    private static final int DOMAIN_SERVER_TYPE = 0;

    private DidDocuments() {
    }

    /**
     * A new document for the BID {@code id} of {@code owner}'s key, which authenticates it as {@code #key-1}. The
     * recovery key is {@code recovery} under its own account ({@code <its address>#recovery}), so that its account
     * can send the recovery; without one, the owner's key recovers too.
     */
    static BidDocument create(final String id, final PublicKey owner, final Optional<String> recoveryAddress,
                              final Optional<PublicKey> recovery, final int type, final OptionalLong ttlSeconds,
                              final List<Service> services, final Clock clock) {
        final String ownerKeyId = id + OWNER_KEY;
        final List<PublicKeyEntry> keys = new ArrayList<>(List.of(new PublicKeyEntry(ownerKeyId, id, owner)));
        final String recoveryKeyId = recoveryAddress.map(address -> address + RECOVERY_KEY).orElse(ownerKeyId);
        recovery.ifPresent(key -> keys.add(new PublicKeyEntry(recoveryKeyId, recoveryAddress.orElseThrow(), key)));
        final String now = now(clock);
        return new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id, keys, List.of(ownerKeyId), List.of(),
            new Extension(List.of(recoveryKeyId), ttlSeconds, Optional.empty(), type, List.of(), List.of(), List.of()),
            services, now, now, Optional.empty());
    }

    /**
     * The AC-code document {@code did:bid:<acCode>} of a sub-chain, authenticated by the main chain's governance key
     * ({@code <governance address>#key-1}), with the {@code DIDSubResolver} service at {@code resolverUrl}.
     */
    static BidDocument acCode(final String acCode, final String governanceAddress, final PublicKey governanceKey,
                              final String resolverUrl, final Clock clock) {
        final String id = "did:bid:" + acCode;
        final String keyId = governanceAddress + OWNER_KEY;
        final int protocol = resolverUrl.startsWith("https://") ? HTTPS_PROTOCOL : HTTP_PROTOCOL;
        final String now = now(clock);
        return new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id,
            List.of(new PublicKeyEntry(keyId, governanceAddress, governanceKey)), List.of(keyId), List.of(),
            Extension.of(TypeCodes.DOCUMENT_AC_CODE, List.of(keyId)),
            List.of(new Service(id + "#resolver", TypeCodes.SUB_RESOLVER, resolverUrl, Optional.of("1.0.0"),
                OptionalInt.of(protocol), OptionalInt.of(DOMAIN_SERVER_TYPE), OptionalInt.empty())),
            now, now, Optional.empty());
    }

    /**
     * The stored document with {@code newKey} as its only authentication key, {@code #key-N} with the first free N;
     * the old authentication keys leave the document unless they are also recovery keys.
     */
    static BidDocument rotate(final BidDocument stored, final PublicKey newKey, final String updated) {
        final List<PublicKeyEntry> keys = new ArrayList<>();
        for (final PublicKeyEntry key : stored.publicKeys()) {
            if (!stored.authentication().contains(key.id()) || stored.extension().recovery().contains(key.id())) {
                keys.add(key);
            }
        }
        int number = 1;
        while (stored.publicKey(stored.id() + "#key-" + number).isPresent()) {
            number++;
        }
        final String newKeyId = stored.id() + "#key-" + number;
        keys.add(new PublicKeyEntry(newKeyId, stored.id(), newKey));
        return new BidDocument(stored.context(), stored.version(), stored.id(), keys, List.of(newKeyId),
            stored.alsoKnownAs(), stored.extension(), stored.services(), stored.created(), updated, Optional.empty());
    }

    /** The document with another {@code updated} and no proof, ready to be signed. */
    static BidDocument withUpdated(final BidDocument document, final String updated) {
        return new BidDocument(document.context(), document.version(), document.id(), document.publicKeys(),
            document.authentication(), document.alsoKnownAs(), document.extension(), document.services(),
            document.created(), updated, Optional.empty());
    }

    /**
     * The {@code updated} of a new version: now, or one second after the stored version's when that is not before
     * now (two versions written within a second, or a clock behind the chain's), since it must always grow.
     */
    static String nextUpdated(final String storedUpdated, final Clock clock) {
        final LocalDateTime stored = LocalDateTime.parse(storedUpdated, BidDocumentCodec.TIME_FORMAT);
        final LocalDateTime now = LocalDateTime.parse(now(clock), BidDocumentCodec.TIME_FORMAT);
        return (now.isAfter(stored) ? now : stored.plusSeconds(1)).format(BidDocumentCodec.TIME_FORMAT);
    }

    /**
     * The id of the key in {@code keyIds} (of {@code document}) that is {@code key}.
     *
     * @throws IllegalArgumentException if none is, naming the role for the user
     */
    static String keyIdOf(final BidDocument document, final List<String> keyIds, final PublicKey key,
                          final String role) {
        return keyIds.stream().filter(id -> document.publicKey(id).map(entry -> entry.publicKey().equals(key))
                .orElse(false)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("the key " + key.encoded() + " is not one of the " + role
                + " keys " + keyIds + " of " + document.id()));
    }

    private static String now(final Clock clock) {
        return LocalDateTime.ofEpochSecond(clock.instant().getEpochSecond(), 0, ZoneOffset.UTC)
            .format(BidDocumentCodec.TIME_FORMAT);
    }
}
