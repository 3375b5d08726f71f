package org.banyan.credentials;

import java.util.List;

/**
 * The outcome of checking the Data Integrity proofs of one document: the methods whose proofs held
 * and the problems found. The document verifies when there are proofs and no problems.
 */
public record ProofVerification(List<VerificationMethod> provers, List<Problem> problems) {

    /** Copies the lists. */
    public ProofVerification {
        provers = List.copyOf(provers);
        problems = List.copyOf(problems);
    }

    /** Whether every proof held. */
    public boolean verified() {
        return problems.isEmpty() && !provers.isEmpty();
    }
}
