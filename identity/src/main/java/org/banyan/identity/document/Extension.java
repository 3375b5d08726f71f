package org.banyan.identity.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A document's {@code extension}: recovery key ids, cache lifetime, a delegate's signature, the document type, and
 * the attributes, AC codes and credentials of the subject. Absent and empty lists are the same here.
 */
public record Extension(List<String> recovery, OptionalLong ttl, Optional<DelegateSign> delegateSign, int type,
                        List<Attribute> attributes, List<String> acsns, List<CredentialReference> verifiableCredentials) {

    public Extension {
        recovery = List.copyOf(recovery);
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(delegateSign, "delegateSign");
        attributes = List.copyOf(attributes);
        acsns = List.copyOf(acsns);
        verifiableCredentials = List.copyOf(verifiableCredentials);
    }

    /** An extension with only a type and recovery keys. */
    public static Extension of(final int type, final List<String> recovery) {
        return new Extension(recovery, OptionalLong.empty(), Optional.empty(), type, List.of(), List.of(), List.of());
    }
}
