package org.banyan.chaingroup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a supervision order tells a sub-chain to do. */
public enum OrderKind {
    /** Refuse every transaction the account sends. */
    FREEZE_ACCOUNT,
    /** Lift an earlier freeze. */
    UNFREEZE_ACCOUNT;

    /** The name in JSON: {@code freeze_account}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code jsonName}, if any. */
    public static Optional<OrderKind> fromJson(final String jsonName) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName().equals(jsonName)).findFirst();
    }
}
