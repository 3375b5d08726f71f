package org.banyan.credentials;

/** The outcome of resolving a verification method id. */
public sealed interface MethodResolution {

    /** The method was found. */
    record Found(VerificationMethod method) implements MethodResolution {
    }

    /** The method could not be found or its document could not be read; the reason says which. */
    record NotFound(String reason) implements MethodResolution {
    }
}
