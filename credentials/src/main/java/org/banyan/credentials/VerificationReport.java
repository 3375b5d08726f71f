package org.banyan.credentials;

import java.util.ArrayList;
import java.util.List;

/** Collects the checks, warnings and errors of one verification as it runs. */
final class VerificationReport {

    private final List<String> checks = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();

    /** Records a named check: passed if it found no problems, else its problems are errors. */
    void record(final String check, final List<Problem> problems) {
        if (problems.isEmpty()) {
            checks.add(check);
        } else {
            errors.addAll(problems);
        }
    }

    /** Records problems that belong to no named check. */
    void errors(final List<Problem> problems) {
        errors.addAll(problems);
    }

    /** Records a registry answer: revoked fails verification, unknown only warns. */
    void revocation(final RevocationStatus status) {
        if (status instanceof RevocationStatus.Active) {
            checks.add("revocation");
        } else if (status instanceof RevocationStatus.Revoked) {
            errors.add(new Problem(ProblemType.REVOKED,
                    "the credential is revoked: " + ((RevocationStatus.Revoked) status).reason()));
        } else {
            warnings.add(new Problem(ProblemType.REVOCATION_STATUS_UNKNOWN,
                    "revocation was not checked: " + ((RevocationStatus.Unknown) status).reason()));
        }
    }

    /** The result so far, with the results of embedded credentials. */
    VerificationResult result(final List<VerificationResult> credentialResults) {
        return new VerificationResult(checks, warnings, errors, credentialResults);
    }
}
