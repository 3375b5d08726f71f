package org.banyan.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The structural rules of the VC Data Model 2.0 for credentials (§4) and presentations (§4.13),
 * checked on the JSON before any proof: each broken rule is one {@link Problem} naming the property.
 */
final class CredentialShape {

    /** The type every credential carries. */
    static final String CREDENTIAL_TYPE = "VerifiableCredential";

    /** The type every presentation carries. */
    static final String PRESENTATION_TYPE = "VerifiablePresentation";

    /** An absolute URL or URN: a scheme, a colon and no whitespace (RFC 3986 §3.1). */
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:\\S+");

    private CredentialShape() {
    }

    /** The problems of a credential's shape; empty when it follows every rule checked. */
    static List<Problem> ofCredential(final JsonObject credential) {
        final List<Problem> problems = new ArrayList<>();
        checkContext(credential, problems);
        checkOptionalUrl(credential, "id", problems);
        checkType(credential, CREDENTIAL_TYPE, problems);
        if (!JsonMembers.has(credential, "issuer")) {
            problems.add(malformed("a credential must have an issuer"));
        } else if (issuerId(credential).isEmpty()) {
            problems.add(malformed("the issuer must be a URL or an object whose id is a URL"));
        }
        checkSubjects(credential, problems);
        final Optional<Instant> validFrom = checkDateTime(credential, "validFrom", problems);
        final Optional<Instant> validUntil = checkDateTime(credential, "validUntil", problems);
        if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
            problems.add(malformed("validUntil is earlier than validFrom"));
        }
        checkTypedObjects(credential, "credentialStatus", problems);
        checkTypedObjects(credential, "credentialSchema", problems);
        checkTypedObjects(credential, "evidence", problems);
        checkTypedObjects(credential, "termsOfUse", problems);
        checkTypedObjects(credential, "refreshService", problems);
        return problems;
    }

    /** The problems of a presentation's shape, not counting its embedded credentials. */
    static List<Problem> ofPresentation(final JsonObject presentation) {
        final List<Problem> problems = new ArrayList<>();
        checkContext(presentation, problems);
        checkOptionalUrl(presentation, "id", problems);
        checkType(presentation, PRESENTATION_TYPE, problems);
        if (JsonMembers.has(presentation, "holder") && holderId(presentation).isEmpty()) {
            problems.add(malformed("the holder must be a URL or an object whose id is a URL"));
        }
        final List<JsonValue> credentials = JsonMembers.oneOrMany(presentation, "verifiableCredential");
        if (credentials.size() > Limits.MAX_CREDENTIALS_PER_PRESENTATION) {
            problems.add(new Problem(ProblemType.RANGE_ERROR, "the presentation holds " + credentials.size()
                    + " credentials; at most " + Limits.MAX_CREDENTIALS_PER_PRESENTATION + " are verified"));
        }
        for (final JsonValue credential : credentials) {
            if (!(credential instanceof JsonObject)) {
                problems.add(malformed("each verifiableCredential must be a credential object"));
            } else if (JsonMembers.strings((JsonObject) credential, "type").orElse(List.of())
                    .contains("EnvelopedVerifiableCredential")) {
                problems.add(malformed("enveloped credentials are not supported; embed the credential with its proof"));
            }
        }
        return problems;
    }

    /** The problems with the credential's validity period at the given time. */
    static List<Problem> ofValidity(final JsonObject credential, final Instant now) {
        final List<Problem> problems = new ArrayList<>();
        JsonMembers.string(credential, "validFrom").flatMap(XmlDateTime::parse)
                .filter(validFrom -> validFrom.isAfter(now))
                .ifPresent(validFrom -> problems.add(new Problem(ProblemType.NOT_YET_VALID,
                        "the credential is valid from " + validFrom + ", after the verification time " + now)));
        JsonMembers.string(credential, "validUntil").flatMap(XmlDateTime::parse)
                .filter(validUntil -> validUntil.isBefore(now))
                .ifPresent(validUntil -> problems.add(new Problem(ProblemType.EXPIRED,
                        "the credential was valid until " + validUntil + ", before the verification time " + now)));
        return problems;
    }

    /** The issuer's URL: the issuer itself or its {@code id}. */
    static Optional<String> issuerId(final JsonObject credential) {
        return urlOrObjectId(credential, "issuer");
    }

    /** The holder's URL: the holder itself or its {@code id}. */
    static Optional<String> holderId(final JsonObject presentation) {
        return urlOrObjectId(presentation, "holder");
    }

    /** Whether the text is an absolute URL or URN. */
    static boolean isUrl(final String text) {
        return URL.matcher(text).matches();
    }

    private static Optional<String> urlOrObjectId(final JsonObject document, final String name) {
        final JsonValue value = document.get(name);
        final Optional<String> id;
        if (value instanceof JsonString) {
            id = Optional.of(((JsonString) value).getString());
        } else if (value instanceof JsonObject) {
            id = JsonMembers.string((JsonObject) value, "id");
        } else {
            id = Optional.empty();
        }
        return id.filter(CredentialShape::isUrl);
    }

    private static void checkContext(final JsonObject document, final List<Problem> problems) {
        final JsonValue context = document.get("@context");
        if (!(context instanceof JsonArray) || context.asJsonArray().isEmpty()
                || !context.asJsonArray().get(0).equals(JsonText.PROVIDER.createValue(BundledContexts.CREDENTIALS_V2))) {
            problems.add(malformed("@context must be an array whose first item is " + BundledContexts.CREDENTIALS_V2));
            return;
        }
        for (final JsonValue item : context.asJsonArray()) {
            final boolean valid = item instanceof JsonObject
                    || item instanceof JsonString && isUrl(((JsonString) item).getString());
            if (!valid) {
                problems.add(malformed("each @context item must be a URL or a context object"));
                return;
            }
        }
    }

    private static void checkType(final JsonObject document, final String required, final List<Problem> problems) {
        final Optional<List<String>> types = JsonMembers.strings(document, "type");
        if (types.isEmpty() || !types.get().contains(required)) {
            problems.add(malformed("type must be a string or an array of strings that includes " + required));
        }
    }

    private static void checkSubjects(final JsonObject credential, final List<Problem> problems) {
        final List<JsonValue> subjects = JsonMembers.oneOrMany(credential, "credentialSubject");
        if (subjects.isEmpty()) {
            problems.add(malformed("a credential must have a credentialSubject"));
        }
        for (final JsonValue subject : subjects) {
            if (!(subject instanceof JsonObject) || ((JsonObject) subject).isEmpty()) {
                problems.add(malformed("each credentialSubject must be an object with at least one claim"));
            } else {
                checkOptionalUrl((JsonObject) subject, "id", problems);
            }
        }
    }

    private static void checkOptionalUrl(final JsonObject object, final String name, final List<Problem> problems) {
        if (JsonMembers.has(object, name) && !JsonMembers.string(object, name).filter(CredentialShape::isUrl).isPresent()) {
            problems.add(malformed(name + " must be a URL"));
        }
    }

    private static Optional<Instant> checkDateTime(
            final JsonObject credential, final String name, final List<Problem> problems) {
        if (!JsonMembers.has(credential, name)) {
            return Optional.empty();
        }
        final Optional<Instant> instant = JsonMembers.string(credential, name).flatMap(XmlDateTime::parse);
        if (instant.isEmpty()) {
            problems.add(malformed(name + " must be an XML Schema dateTimeStamp such as 2023-01-01T00:00:00Z"));
        }
        return instant;
    }

    private static void checkTypedObjects(final JsonObject credential, final String name, final List<Problem> problems) {
        for (final JsonValue value : JsonMembers.oneOrMany(credential, name)) {
            if (!(value instanceof JsonObject) || JsonMembers.strings((JsonObject) value, "type")
                    .filter(types -> !types.isEmpty()).isEmpty()) {
                problems.add(malformed("each " + name + " must be an object with a type"));
                return;
            }
            checkOptionalUrl((JsonObject) value, "id", problems);
        }
    }

    private static Problem malformed(final String detail) {
        return new Problem(ProblemType.MALFORMED_VALUE_ERROR, detail);
    }
}
