package org.banyan.sim;

/** Always-on checks of the simulator's own invariants; unlike {@code assert}, they cannot be switched off. */
final class Verify {

    private Verify() {
    }

    static void that(final boolean condition, final String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
