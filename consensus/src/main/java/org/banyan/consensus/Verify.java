package org.banyan.consensus;

/** Always-on invariant checks: unlike {@code assert}, they cannot be switched off. A failure is a bug. */
public final class Verify {

    private Verify() {
    }

    /** Throws {@link AssertionError} with {@code message} when {@code condition} is false. */
    public static void that(final boolean condition, final String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
