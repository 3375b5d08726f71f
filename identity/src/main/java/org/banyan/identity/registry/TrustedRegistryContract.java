package org.banyan.identity.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.identity.BidResult;
import org.banyan.identity.ContractCall;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.CallResult;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.SystemContract;

/**
 * The trusted registry system contract (BIF's "trusted public dataset", RFC-008): which issuers the chain's
 * governance lists as trusted, the credential templates those issuers register, and the credentials issuers revoke.
 * Credential verifiers ask it through the {@code credentialStatus} query; calls and queries are built by
 * {@link RegistryCalls}.
 *
 * <p><b>Who may write.</b> Only the governance account lists and withdraws issuers. A template belongs to the listed
 * issuer that registers it. Any account may revoke, but only credentials it issued: the issuer of a revocation is
 * always the transaction's source, whose signatures the ledger checked, so nobody can revoke another issuer's
 * credentials. Revocation is final.
 *
 * <p><b>State</b>, in the contract account's metadata (so every entry has a state proof): {@code issuer:<bid>},
 * {@code template:<sha256 of the id>} and {@code revoked:<sha256 of issuer, newline, credential id>}, each a canonical
 * JSON object with the ledger that wrote it. Hashing the free-form ids keeps every key short.
 *
 * <p>Refusals carry BID result codes ({@link ContractFailure}), like the DDO contract's.
 */
public final class TrustedRegistryContract implements SystemContract {

    /**
     * The contract's address: the BID whose hash is the last 22 bytes of SHA-256 of
     * {@code "banyan:system-contract:trusted-registry"}, so no key can own it.
     */
    public static final String ADDRESS = "did:bid:efCf1269kPPauNFpfCubHW2F334vVqJ2";

    /** Longest issuer or template name: a display name, not a document. */
    public static final int MAX_NAME_CHARS = 256;

    /** Longest template or credential id: URLs and UUIDs are far shorter; the cap bounds what one call stores. */
    public static final int MAX_IDENTIFIER_CHARS = 1024;

    /** Longest revocation reason: a sentence or two for the holder and verifiers. */
    public static final int MAX_REASON_CHARS = 1024;

    private static final String CONTRACT_NAME = "trusted-registry";

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public CallResult call(final CallContext context) {
        final BidResult<ObjectNode> written = ContractCall.parse(context.input(), CONTRACT_NAME)
            .then(call -> dispatch(context, call));
        return written.isOk() ? CallResult.success() : new CallResult.Failure(ContractFailure.toLedgerError(written.error()));
    }

    @Override
    public Outcome<String> query(final QueryContext context) {
        final BidResult<String> answer = ContractCall.parse(context.input(), CONTRACT_NAME).then(call -> {
            final ObjectNode params = call.params();
            return switch (call.method()) {
                case RegistryCalls.ISSUER -> bid(params, "id").then(id -> stored(context, issuerKey(id), "issuer " + id));
                case RegistryCalls.TEMPLATE -> text(params, "id", MAX_IDENTIFIER_CHARS)
                    .then(id -> stored(context, templateKey(id), "template " + id));
                case RegistryCalls.CREDENTIAL_STATUS -> bid(params, "issuer").then(issuer ->
                    text(params, "credentialId", MAX_IDENTIFIER_CHARS).then(id -> status(context, issuer, id)));
                default -> BidResult.failed(ResultCode.UNSUPPORTED, "'" + call.method() + "' is not a trusted-registry"
                    + " query; queries are issuer, template and credentialStatus");
            };
        });
        return answer.isOk() ? Outcome.ok(answer.value()) : Outcome.failed(ContractFailure.toLedgerError(answer.error()));
    }

    private static BidResult<ObjectNode> dispatch(final CallContext context, final ContractCall call) {
        final ObjectNode params = call.params();
        final String source = context.sourceAddress();
        return switch (call.method()) {
            case RegistryCalls.REGISTER_ISSUER -> governance(context, call.method()).then(governor -> bid(params, "id")
                .then(id -> text(params, "name", MAX_NAME_CHARS).then(name -> write(context, issuerKey(id),
                    StrictJson.object().put("id", id).put("name", name).put("listed", true)))));
            case RegistryCalls.REMOVE_ISSUER -> governance(context, call.method()).then(governor -> bid(params, "id")
                .then(id -> listedIssuer(context, id).then(entry -> write(context, issuerKey(id),
                    entry.put("listed", false)))));
            case RegistryCalls.REGISTER_TEMPLATE -> listedIssuer(context, source).then(issuer ->
                text(params, "id", MAX_IDENTIFIER_CHARS).then(id -> text(params, "name", MAX_NAME_CHARS)
                    .then(name -> context.metadata(templateKey(id)).isPresent()
                        ? BidResult.failed(ResultCode.ERROR, "template " + id + " is already registered")
                        : write(context, templateKey(id), StrictJson.object().put("id", id).put("issuer", source)
                            .put("name", name)))));
            case RegistryCalls.REVOKE -> text(params, "credentialId", MAX_IDENTIFIER_CHARS).then(id ->
                text(params, "reason", MAX_REASON_CHARS).then(reason ->
                    context.metadata(revocationKey(source, id)).isPresent()
                        ? BidResult.failed(ResultCode.ERROR, "credential " + id + " of " + source + " is already revoked")
                        : write(context, revocationKey(source, id), StrictJson.object().put("issuer", source)
                            .put("credentialId", id).put("reason", reason))));
            default -> BidResult.failed(ResultCode.UNSUPPORTED, "unknown trusted-registry method '" + call.method()
                + "'; methods are registerIssuer, removeIssuer, registerTemplate and revoke");
        };
    }

    private static BidResult<String> governance(final CallContext context, final String method) {
        return context.sourceAddress().equals(context.genesis().governanceAccount())
            ? BidResult.ok(context.sourceAddress())
            : BidResult.failed(ResultCode.NO_PERMISSION, method + " is for the chain's governance account "
                + context.genesis().governanceAccount() + ", not " + context.sourceAddress());
    }

    /** The stored listing of an issuer the registry currently lists. */
    private static BidResult<ObjectNode> listedIssuer(final QueryContext context, final String issuer) {
        final Optional<ObjectNode> entry = context.metadata(issuerKey(issuer)).map(TrustedRegistryContract::stored);
        return entry.filter(json -> json.path("listed").booleanValue()).<BidResult<ObjectNode>>map(BidResult::ok)
            .orElse(BidResult.failed(ResultCode.NO_PERMISSION, issuer + " is not a listed issuer"));
    }

    /** Stores an entry stamped with the ledger that writes it; returns the stored entry. */
    private static BidResult<ObjectNode> write(final CallContext context, final String key, final ObjectNode entry) {
        context.putMetadata(key, CanonicalJson.text(entry.put("ledgerSeq", context.ledgerSeq())));
        return BidResult.ok(entry);
    }

    private static BidResult<String> stored(final QueryContext context, final String key, final String what) {
        return context.metadata(key).<BidResult<String>>map(BidResult::ok)
            .orElse(BidResult.failed(ResultCode.NOT_FOUND, "the registry has no " + what));
    }

    private static BidResult<String> status(final QueryContext context, final String issuer, final String credentialId) {
        final boolean listed = context.metadata(issuerKey(issuer)).map(TrustedRegistryContract::stored)
            .filter(json -> json.path("listed").booleanValue()).isPresent();
        final Optional<ObjectNode> revocation = context.metadata(revocationKey(issuer, credentialId))
            .map(TrustedRegistryContract::stored);
        return BidResult.ok(new CredentialStatus(issuer, credentialId, listed,
            revocation.map(json -> json.path("reason").textValue()),
            revocation.map(json -> json.path("ledgerSeq").longValue())).toJson());
    }

    private static ObjectNode stored(final String json) {
        final BidResult<ObjectNode> parsed = StrictJson.parseObject(json);
        if (!parsed.isOk()) {
            throw new IllegalStateException("a trusted-registry entry is corrupt: " + parsed.error().message());
        }
        return parsed.value();
    }

    private static BidResult<String> bid(final ObjectNode params, final String name) {
        final JsonNode value = params.path(name);
        if (!value.isTextual()) {
            return BidResult.failed(ResultCode.FIELD_NOT_FOUND, "params." + name + ", a BID address, is missing");
        }
        return Address.tryParse(value.textValue()).isPresent() ? BidResult.ok(value.textValue())
            : BidResult.failed(ResultCode.PROTOCOL_ERROR, "params." + name + " '" + value.textValue()
                + "' is not a BID address");
    }

    private static BidResult<String> text(final ObjectNode params, final String name, final int maxChars) {
        final JsonNode value = params.path(name);
        if (!value.isTextual() || value.textValue().isBlank()) {
            return BidResult.failed(ResultCode.FIELD_NOT_FOUND, "params." + name + " must be a non-empty string");
        }
        return value.textValue().length() <= maxChars ? BidResult.ok(value.textValue())
            : BidResult.failed(ResultCode.PROTOCOL_ERROR, "params." + name + " is " + value.textValue().length()
                + " characters; at most " + maxChars + " are allowed");
    }

    private static String issuerKey(final String issuer) {
        return "issuer:" + issuer;
    }

    private static String templateKey(final String templateId) {
        return "template:" + sha256Hex(templateId);
    }

    private static String revocationKey(final String issuer, final String credentialId) {
        return "revoked:" + sha256Hex(issuer + "\n" + credentialId);
    }

    private static String sha256Hex(final String text) {
        return Hex.encode(Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
