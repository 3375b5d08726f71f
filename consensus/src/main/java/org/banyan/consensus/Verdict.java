package org.banyan.consensus;

import java.util.Objects;

/** The outcome of checking something a peer sent: accepted, or rejected with the reason in plain English. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    /** The check passed. */
    record Accepted() implements Verdict {
    }

    /** The check failed, and why. */
    record Rejected(String reason) implements Verdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The accepted verdict. */
    static Verdict accepted() {
        return new Accepted();
    }

    /** A rejection with its reason. */
    static Verdict rejected(final String reason) {
        return new Rejected(reason);
    }

    /** Whether the check passed. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
