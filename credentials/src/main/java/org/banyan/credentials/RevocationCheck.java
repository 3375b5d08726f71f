package org.banyan.credentials;

/**
 * The revocation registry a verifier consults for every credential. The node implements it over the
 * on-chain registry of issuers, templates and revocations; implementations must not throw.
 */
@FunctionalInterface
public interface RevocationCheck {

    /** The status of the credential described by the query. */
    RevocationStatus statusOf(RevocationQuery query);

    /** No registry: every status is unknown, which verification reports as a warning. */
    static RevocationCheck none() {
        return query -> new RevocationStatus.Unknown("no revocation registry is configured");
    }
}
