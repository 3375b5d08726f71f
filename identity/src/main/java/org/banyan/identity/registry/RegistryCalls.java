package org.banyan.identity.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;

/**
 * The JSON inputs of trusted-registry calls and queries. Submit a call as a PAY_COIN of amount 0 to
 * {@link TrustedRegistryContract#ADDRESS}; run a query with {@code Ledger.query(ADDRESS, input)} or
 * {@code POST /callContract}.
 */
public final class RegistryCalls {

    /** Lists an issuer as trusted (governance only). */
    public static final String REGISTER_ISSUER = "registerIssuer";
    /** Withdraws an issuer's listing (governance only); its revocations stay. */
    public static final String REMOVE_ISSUER = "removeIssuer";
    /** Registers a credential template of the calling issuer. */
    public static final String REGISTER_TEMPLATE = "registerTemplate";
    /** Revokes a credential the calling account issued. */
    public static final String REVOKE = "revoke";
    /** Reads an issuer's listing. */
    public static final String ISSUER = "issuer";
    /** Reads a template. */
    public static final String TEMPLATE = "template";
    /** Reads a credential's status: whether its issuer is listed and whether it is revoked. */
    public static final String CREDENTIAL_STATUS = "credentialStatus";

    private RegistryCalls() {
    }

    /** {@code {"method":"registerIssuer","params":{"id":…,"name":…}}}. */
    public static String registerIssuer(final String issuer, final String name) {
        return call(REGISTER_ISSUER, StrictJson.object().put("id", issuer).put("name", name));
    }

    /** {@code {"method":"removeIssuer","params":{"id":…}}}. */
    public static String removeIssuer(final String issuer) {
        return call(REMOVE_ISSUER, StrictJson.object().put("id", issuer));
    }

    /** {@code {"method":"registerTemplate","params":{"id":…,"name":…}}}; the issuer is the calling account. */
    public static String registerTemplate(final String templateId, final String name) {
        return call(REGISTER_TEMPLATE, StrictJson.object().put("id", templateId).put("name", name));
    }

    /**
     * {@code {"method":"revoke","params":{"credentialId":…,"reason":…}}}; the issuer is the calling account.
     * {@code credentialId} is the credential's {@code id}, or a BIF credential's {@code revocationId}.
     */
    public static String revoke(final String credentialId, final String reason) {
        return call(REVOKE, StrictJson.object().put("credentialId", credentialId).put("reason", reason));
    }

    /** {@code {"method":"issuer","params":{"id":…}}}. */
    public static String issuer(final String issuer) {
        return call(ISSUER, StrictJson.object().put("id", issuer));
    }

    /** {@code {"method":"template","params":{"id":…}}}. */
    public static String template(final String templateId) {
        return call(TEMPLATE, StrictJson.object().put("id", templateId));
    }

    /** {@code {"method":"credentialStatus","params":{"issuer":…,"credentialId":…}}}. */
    public static String credentialStatus(final String issuer, final String credentialId) {
        return call(CREDENTIAL_STATUS, StrictJson.object().put("issuer", issuer).put("credentialId", credentialId));
    }

    private static String call(final String method, final ObjectNode params) {
        final ObjectNode call = StrictJson.object().put("method", method);
        call.set("params", params);
        return CanonicalJson.text(call);
    }
}
