package org.banyan.credentials;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The outcome of verifying a credential or presentation, in the shape of the VC-API verify response:
 * the checks that passed, warnings that do not fail verification, and errors that do. A presentation
 * also carries one result per embedded credential.
 */
public record VerificationResult(
        List<String> checks, List<Problem> warnings, List<Problem> errors, List<VerificationResult> credentialResults) {

    /** Copies the lists. */
    public VerificationResult {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        credentialResults = List.copyOf(credentialResults);
    }

    /** A result with only an error, for input that could not be examined at all. */
    public static VerificationResult failure(final Problem problem) {
        return new VerificationResult(List.of(), List.of(), List.of(problem), List.of());
    }

    /** Verified: no errors here and none in any embedded credential. */
    public boolean verified() {
        return errors.isEmpty() && credentialResults.stream().allMatch(VerificationResult::verified);
    }

    /** {@code {verified, checks, warnings, errors}}, plus {@code credentialResults} for a presentation. */
    public JsonObject toJson() {
        final JsonArrayBuilder checkArray = JsonText.PROVIDER.createArrayBuilder();
        checks.forEach(checkArray::add);
        final JsonObjectBuilder json = JsonText.PROVIDER.createObjectBuilder()
                .add("verified", verified())
                .add("checks", checkArray)
                .add("warnings", problems(warnings))
                .add("errors", problems(errors));
        if (!credentialResults.isEmpty()) {
            final JsonArrayBuilder results = JsonText.PROVIDER.createArrayBuilder();
            credentialResults.forEach(result -> results.add(result.toJson()));
            json.add("credentialResults", results);
        }
        return json.build();
    }

    private static JsonArrayBuilder problems(final List<Problem> problems) {
        final JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
        problems.forEach(problem -> array.add(problem.toJson()));
        return array;
    }
}
