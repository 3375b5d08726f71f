package org.banyan.identity.ddo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;
import org.banyan.identity.BidError;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.ParsedDocument;
import org.banyan.identity.document.Proof;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.ledger.CallContext;

/**
 * The write rules of the DDO contract, one method per operation; {@link DdoContract} explains them. Each returns the
 * first rule a request breaks, checked in this order: well formed, in scope (AC codes), existing state, times, proof
 * key, signature, account. Nothing is written unless every rule holds.
 */
final class DocumentWriter {

    private static final Set<String> DELETE_MEMBERS = Set.of("id", "proof");
    private static final Set<String> PROOF_MEMBERS = Set.of("creator", "signatureValue");
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final CallContext context;
    private final DocumentStore store;
    private final Optional<String> chainAcCode;

    /** A writer for one call on the chain with {@code chainAcCode} (empty: the main chain). */
    DocumentWriter(final CallContext context, final Optional<String> chainAcCode) {
        this.context = context;
        this.store = new DocumentStore(context);
        this.chainAcCode = chainAcCode;
    }

    /** {@code creation}: a new BID, proved by one of its own authentication keys. */
    Optional<BidError> create(final JsonNode json) {
        final BidResult<ParsedDocument> parsed = BidDocumentCodec.parse(json);
        if (!parsed.isOk()) {
            return Optional.of(parsed.error());
        }
        final BidDocument document = parsed.value().document();
        final Optional<BidError> scope = checkScope(document);
        if (scope.isPresent()) {
            return scope;
        }
        final Optional<BidRecord> existing = store.find(document.id());
        if (existing.isPresent()) {
            return fail(ResultCode.ERROR, document.id() + (existing.get().deactivated()
                ? " was deactivated and cannot be created again" : " already has a document; use update"));
        }
        return checkTimes(document, Optional.empty())
            .or(() -> authorize(parsed.value(), document, document.authentication(), "authentication", false))
            .or(() -> store(parsed.value()));
    }

    /** {@code update}: a new version, proved by a stored authentication key; keys of authority stay as they are. */
    Optional<BidError> update(final JsonNode json) {
        return replace(json, false);
    }

    /** {@code recovery}: a new version, keys included, proved by a stored recovery key. */
    Optional<BidError> recover(final JsonNode json) {
        return replace(json, true);
    }

    /** {@code delete}: deactivates a BID, proved by a stored recovery key over {@code {"id":…,"operation":"delete"}}. */
    Optional<BidError> delete(final JsonNode params) {
        final Optional<BidError> shape = checkMembers(params, "params", DELETE_MEMBERS)
            .or(() -> checkMembers(params.path("proof"), "params.proof", PROOF_MEMBERS));
        if (shape.isPresent()) {
            return shape;
        }
        final BidResult<String> id = DdoContract.idParam(params);
        if (!id.isOk()) {
            return Optional.of(id.error());
        }
        final JsonNode creator = params.path("proof").path("creator");
        final JsonNode signature = params.path("proof").path("signatureValue");
        if (!creator.isTextual() || !signature.isTextual()) {
            return fail(ResultCode.FIELD_NOT_FOUND, "params.proof needs string creator and signatureValue");
        }
        final BidResult<BidDocument> stored = live(id.value());
        if (!stored.isOk()) {
            return Optional.of(stored.error());
        }
        final BidDocument document = stored.value();
        final Proof proof = new Proof(creator.textValue(), signature.textValue());
        final BidResult<PublicKeyEntry> key = proofKey(Optional.of(proof), document, document.extension().recovery(),
            "extension.recovery");
        if (!key.isOk()) {
            return Optional.of(key.error());
        }
        if (!DocumentProofs.verify(DdoCalls.deleteBody(id.value()), proof.signatureValue(), key.value().publicKey())) {
            return fail(ResultCode.VERIFY_FAILED, "the delete proof by " + proof.creator()
                + " does not verify over {\"id\":\"" + id.value() + "\",\"operation\":\"delete\"}");
        }
        final Optional<BidError> account = checkAccount(document, key.value(), true);
        if (account.isPresent()) {
            return account;
        }
        final BidRecord record = store.find(id.value()).orElseThrow();
        put(new BidRecord(id.value(), Optional.empty(), record.created(), closeTime(0), true, context.ledgerSeq()));
        return Optional.empty();
    }

    private Optional<BidError> replace(final JsonNode json, final boolean recovery) {
        final BidResult<ParsedDocument> parsed = BidDocumentCodec.parse(json);
        if (!parsed.isOk()) {
            return Optional.of(parsed.error());
        }
        final BidDocument document = parsed.value().document();
        final Optional<BidError> scope = checkScope(document);
        if (scope.isPresent()) {
            return scope;
        }
        final BidResult<BidDocument> stored = live(document.id());
        if (!stored.isOk()) {
            return Optional.of(stored.error());
        }
        final BidDocument current = stored.value();
        final Optional<BidError> times = checkTimes(document, Optional.of(current));
        if (times.isPresent()) {
            return times;
        }
        if (!recovery) {
            final Optional<BidError> authority = checkAuthorityUnchanged(current, document);
            if (authority.isPresent()) {
                return authority;
            }
        }
        final List<String> allowed = recovery ? current.extension().recovery() : current.authentication();
        return authorize(parsed.value(), current, allowed, recovery ? "extension.recovery" : "authentication", true)
            .or(() -> store(parsed.value()));
    }

    /** The proof is by one of {@code allowed} keys of {@code keySource}, verifies, and the account may write. */
    private Optional<BidError> authorize(final ParsedDocument parsed, final BidDocument keySource,
                                         final List<String> allowed, final String role, final boolean storedKey) {
        final BidDocument document = parsed.document();
        final BidResult<PublicKeyEntry> key = proofKey(document.proof(), keySource, allowed, role);
        if (!key.isOk()) {
            return Optional.of(key.error());
        }
        if (!DocumentProofs.verify(parsed.signingInput(), document.proof().orElseThrow().signatureValue(),
            key.value().publicKey())) {
            return fail(ResultCode.VERIFY_FAILED, "the proof by " + key.value().id()
                + " does not verify over the document's canonical form without its proof");
        }
        return checkAccount(document, key.value(), storedKey);
    }

    /** The key the proof names, which must be one of {@code allowed} (ids in {@code keySource}). */
    private static BidResult<PublicKeyEntry> proofKey(final Optional<Proof> proof, final BidDocument keySource,
                                                      final List<String> allowed, final String role) {
        if (proof.isEmpty()) {
            return BidResult.failed(ResultCode.FIELD_NOT_FOUND, "the document has no proof");
        }
        final String creator = proof.get().creator();
        if (!allowed.contains(creator)) {
            return BidResult.failed(ResultCode.NO_PERMISSION, "proof.creator " + creator + " is not one of the "
                + role + " keys " + allowed + " of " + keySource.id());
        }
        return BidResult.ok(keySource.publicKey(creator).orElseThrow());
    }

    /**
     * The BID or its controller authorizes the write: the source is the BID's account, or the proof key is the key
     * the BID was derived from, or (for an existing document) the source is that key's stored controller. AC-code
     * documents are governance's, which {@link #checkScope} already checked.
     */
    private Optional<BidError> checkAccount(final BidDocument document, final PublicKeyEntry key,
                                            final boolean storedKey) {
        final String source = context.sourceAddress();
        // The key's address in the BID's own address space: a sub-chain BID carries its AC code.
        final String derived = Address.tryParse(document.id()).flatMap(Address::acCode)
            .map(acCode -> key.publicKey().address(acCode)).orElseGet(() -> key.publicKey().address()).toString();
        if (document.isAcCodeDocument() || source.equals(document.id()) || derived.equals(document.id())
            || (storedKey && source.equals(key.controller()))) {
            return Optional.empty();
        }
        return fail(ResultCode.NO_PERMISSION, "the transaction source " + source + " may not write " + document.id()
            + ": send it from that BID's account, sign with the key the BID was made from, or send it from the"
            + " controller of the signing key named in the stored document");
    }

    /**
     * On the main chain: AC codes the document names must be known; AC-code documents are governance's; sub-chain
     * BIDs live there. On a sub-chain: only the sub-chain's own BIDs.
     */
    private Optional<BidError> checkScope(final BidDocument document) {
        if (chainAcCode.isPresent()) {
            return checkSubChainScope(document, chainAcCode.get());
        }
        if (document.isAcCodeDocument() && !context.sourceAddress().equals(context.genesis().governanceAccount())) {
            return fail(ResultCode.NO_PERMISSION, "only the chain's governance account may write the AC-code document "
                + document.id());
        }
        final Optional<String> acCode = Address.tryParse(document.id()).flatMap(Address::acCode);
        if (acCode.isPresent()) {
            return store.acCodeKnown(acCode.get())
                ? fail(ResultCode.UNSUPPORTED, document.id() + " belongs to sub-chain " + acCode.get()
                    + "; its document is written on that sub-chain")
                : fail(ResultCode.UNKNOWN_AC_CODE, "AC code " + acCode.get() + " of " + document.id() + " is not known");
        }
        for (final String acsn : document.extension().acsns()) {
            if (!store.acCodeKnown(acsn)) {
                return fail(ResultCode.UNKNOWN_AC_CODE, "extension.acsns names the unknown AC code " + acsn);
            }
        }
        return Optional.empty();
    }

    private static Optional<BidError> checkSubChainScope(final BidDocument document, final String chainAcCode) {
        final Optional<String> acCode = Address.tryParse(document.id()).flatMap(Address::acCode);
        if (document.isAcCodeDocument() || !acCode.equals(Optional.of(chainAcCode))) {
            final String home = document.isAcCodeDocument() ? "AC-code documents live on the main chain"
                : acCode.map(code -> "its document is written on sub-chain " + code)
                    .orElse("main-chain BIDs' documents are written on the main chain");
            return fail(ResultCode.UNSUPPORTED, document.id() + " is not a BID of sub-chain " + chainAcCode
                + " (did:bid:" + chainAcCode + ":…): " + home);
        }
        return Optional.empty();
    }

    /** {@code updated} not past the close time plus skew; for a new version, later than the stored one. */
    private Optional<BidError> checkTimes(final BidDocument document, final Optional<BidDocument> current) {
        final String latest = closeTime(DdoContract.MAX_CLOCK_SKEW_SECONDS);
        if (document.updated().compareTo(latest) > 0) {
            return fail(ResultCode.PROTOCOL_ERROR, "updated " + document.updated() + " is later than the ledger's"
                + " close time plus " + DdoContract.MAX_CLOCK_SKEW_SECONDS + " s (" + latest + ")");
        }
        if (current.isPresent() && !document.created().equals(current.get().created())) {
            return fail(ResultCode.PROTOCOL_ERROR, "created may not change: it is " + current.get().created());
        }
        if (current.isPresent() && document.updated().compareTo(current.get().updated()) <= 0) {
            return fail(ResultCode.PROTOCOL_ERROR, "updated " + document.updated()
                + " must be later than the stored document's " + current.get().updated());
        }
        return Optional.empty();
    }

    /** {@code update} keeps authentication, recovery and the keys they name; recovery changes them. */
    private static Optional<BidError> checkAuthorityUnchanged(final BidDocument current, final BidDocument next) {
        final boolean same = current.authentication().equals(next.authentication())
            && current.extension().recovery().equals(next.extension().recovery())
            && sameKeys(current, next, current.authentication()) && sameKeys(current, next, current.extension().recovery());
        return same ? Optional.empty() : fail(ResultCode.NO_PERMISSION, "update may not change authentication,"
            + " extension.recovery or the keys they name; use recovery with a recovery key");
    }

    private static boolean sameKeys(final BidDocument current, final BidDocument next, final List<String> keyIds) {
        return keyIds.stream().allMatch(keyId -> current.publicKey(keyId).equals(next.publicKey(keyId)));
    }

    /** The stored document of a live BID. */
    private BidResult<BidDocument> live(final String bid) {
        final Optional<BidRecord> record = store.find(bid);
        if (record.isEmpty()) {
            return BidResult.failed(ResultCode.NOT_FOUND, "no document for " + bid);
        }
        if (record.get().deactivated()) {
            return BidResult.failed(ResultCode.ERROR, bid + " is deactivated");
        }
        return BidResult.ok(BidDocumentCodec.parse(record.get().documentJson().orElseThrow()).value().document());
    }

    private Optional<BidError> store(final ParsedDocument parsed) {
        final BidDocument document = parsed.document();
        put(new BidRecord(document.id(), Optional.of(parsed.canonicalText()), document.created(),
            document.updated(), false, context.ledgerSeq()));
        return Optional.empty();
    }

    private void put(final BidRecord record) {
        context.putMetadata(BidRecord.storageKey(record.id()), record.toJson());
    }

    /** The ledger's close time plus {@code seconds}, in the document time format. */
    private String closeTime(final long seconds) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(context.closeTimeMicros(), MICROS_PER_SECOND) + seconds, 0,
            ZoneOffset.UTC).format(BidDocumentCodec.TIME_FORMAT);
    }

    private static Optional<BidError> checkMembers(final JsonNode value, final String path, final Set<String> known) {
        if (!(value instanceof ObjectNode object)) {
            return fail(ResultCode.FIELD_NOT_FOUND, path + " must be an object");
        }
        final Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!known.contains(name)) {
                return fail(ResultCode.PROTOCOL_ERROR, path + " has the unknown member '" + name + "'");
            }
        }
        return Optional.empty();
    }

    private static Optional<BidError> fail(final ResultCode code, final String message) {
        return Optional.of(new BidError(code, message));
    }
}
