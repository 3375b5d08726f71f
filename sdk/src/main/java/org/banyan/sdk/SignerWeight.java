package org.banyan.sdk;

import org.banyan.crypto.Address;

/** A signer of a multi-signature account and the weight its signature adds toward a threshold. */
public record SignerWeight(String address, long weight) {

    /** Checks the address syntax and that the weight is not negative. */
    public SignerWeight {
        Address.parse(address);
        if (weight < 0) {
            throw new IllegalArgumentException("signer weight must not be negative, got " + weight);
        }
    }
}
