package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An account's controlled area on the main chain and what it submitted to be certified.
 *
 * @param kind "person" or "company", empty when a certifier acted without a request
 * @param documentsHash SHA-256 hex of the documents the account submitted, empty without a request
 * @param certifier the super node or governance account that last set the area, empty while only requested
 * @param updatedAtSeq the ledger that last changed it
 */
public record Certification(String account, TrustLevel trusted, boolean enabled, String kind, String name,
                            String documentsHash, String certifier, long updatedAtSeq) {

    public Certification {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(trusted, "trusted");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(documentsHash, "documentsHash");
        Objects.requireNonNull(certifier, "certifier");
    }

    /** Whether the account may transact on a gated main chain. */
    public boolean admitted() {
        return trusted == TrustLevel.TRUSTED && enabled;
    }

    /** How the main-chain gate names the state in its refusal. */
    public String describe() {
        return trusted + " and " + (enabled ? "ENABLED" : "DISABLED");
    }

    ObjectNode toJson() {
        final ObjectNode json = Json.object().put("account", account).put("trusted", trusted.name())
            .put("enabled", enabled).put("kind", kind).put("name", name).put("documents_hash", documentsHash)
            .put("certifier", certifier).put("updated_at", updatedAtSeq);
        return json;
    }

    static Certification fromJson(final ObjectNode json) {
        return new Certification(json.get("account").textValue(), TrustLevel.valueOf(json.get("trusted").textValue()),
            json.get("enabled").booleanValue(), json.get("kind").textValue(), json.get("name").textValue(),
            json.get("documents_hash").textValue(), json.get("certifier").textValue(), json.get("updated_at").longValue());
    }
}
