package org.banyan.sim;

/** How simulated nodes check consensus signatures. Nodes always sign for real, with seed-derived Ed25519 keys. */
public enum SignatureMode {
    /** Ed25519 verification of every message and certificate, as in production. */
    REAL,
    /**
     * A lookup in the {@link SignatureRegistry} of signatures the simulated validators actually produced: sound in
     * the closed world of one run, where an adversary signs only with its own key, and some 100 times cheaper.
     */
    FAST
}
