package org.banyan.identity.document;

import java.util.Objects;

/** {@code extension.delegateSign}: a third party's signature over the document's keys, for trusted resolution. */
public record DelegateSign(String signer, String signatureValue) {

    public DelegateSign {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signatureValue, "signatureValue");
    }
}
