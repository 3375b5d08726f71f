package org.banyan.identity.document;

import java.util.Objects;

/** An {@code alsoKnownAs} entry: another identifier of the same subject, with its {@link TypeCodes#ALIAS_TYPES type}. */
public record AlsoKnownAs(int type, String id) {

    public AlsoKnownAs {
        Objects.requireNonNull(id, "id");
    }
}
