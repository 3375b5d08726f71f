package org.banyan.credentials;

import jakarta.json.JsonObject;

/**
 * One problem found while verifying or issuing: its type and an English detail naming the
 * property or step at fault. Serializes as an RFC 9457 problem object.
 */
public record Problem(ProblemType type, String detail) {

    /** Checks that both parts are present. */
    public Problem {
        if (type == null || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a problem needs a type and a detail");
        }
    }

    /** The RFC 9457 object {@code {type, title, detail}}. */
    public JsonObject toJson() {
        return JsonText.PROVIDER.createObjectBuilder()
                .add("type", type.typeUrl())
                .add("title", type.title())
                .add("detail", detail)
                .build();
    }

    @Override
    public String toString() {
        return type.name() + ": " + detail;
    }
}
