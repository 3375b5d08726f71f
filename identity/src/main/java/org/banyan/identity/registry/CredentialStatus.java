package org.banyan.identity.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;

/**
 * What the trusted registry says about one credential: whether its issuer is listed, and the revocation if the issuer
 * revoked it ({@code reason} and the ledger that recorded it).
 */
public record CredentialStatus(String issuer, String credentialId, boolean issuerListed,
                               Optional<String> revocationReason, Optional<Long> revokedInLedger) {

    public CredentialStatus {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(revocationReason, "revocationReason");
        Objects.requireNonNull(revokedInLedger, "revokedInLedger");
        if (revocationReason.isPresent() != revokedInLedger.isPresent()) {
            throw new IllegalArgumentException("a revocation has both a reason and a ledger");
        }
    }

    /** Whether the issuer revoked the credential. */
    public boolean revoked() {
        return revocationReason.isPresent();
    }

    /** The {@code credentialStatus} query's answer, canonical JSON. */
    public String toJson() {
        final ObjectNode json = StrictJson.object().put("issuer", issuer).put("credentialId", credentialId)
            .put("issuerListed", issuerListed).put("revoked", revoked());
        revocationReason.ifPresent(reason -> json.put("reason", reason));
        revokedInLedger.ifPresent(seq -> json.put("ledgerSeq", seq));
        return CanonicalJson.text(json);
    }

    /** Reads the query's answer; a {@link ResultCode#PROTOCOL_ERROR} if it is not one. */
    public static BidResult<CredentialStatus> parse(final String text) {
        return StrictJson.parseObject(text).then(json -> {
            final JsonNode revoked = json.path("revoked");
            if (!json.path("issuer").isTextual() || !json.path("credentialId").isTextual()
                || !json.path("issuerListed").isBoolean() || !revoked.isBoolean()
                || revoked.booleanValue() != json.path("reason").isTextual()
                || revoked.booleanValue() != json.path("ledgerSeq").canConvertToLong()) {
                return BidResult.failed(ResultCode.PROTOCOL_ERROR, "not a credential status: " + text);
            }
            return BidResult.ok(new CredentialStatus(json.get("issuer").textValue(), json.get("credentialId").textValue(),
                json.get("issuerListed").booleanValue(),
                revoked.booleanValue() ? Optional.of(json.get("reason").textValue()) : Optional.empty(),
                revoked.booleanValue() ? Optional.of(json.get("ledgerSeq").longValue()) : Optional.empty()));
        });
    }
}
