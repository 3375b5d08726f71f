package org.banyan.sim;

import java.util.Objects;

/**
 * A broken invariant of spec §3.3.
 *
 * @param invariant the invariant's name, such as {@code S1 agreement}
 * @param timeMicros virtual time since the start of the run at which the checker saw it
 */
public record Violation(String invariant, String detail, long timeMicros) {

    public Violation {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return invariant + " at " + timeMicros / 1000 + " ms: " + detail;
    }
}
