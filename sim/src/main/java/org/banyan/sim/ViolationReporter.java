package org.banyan.sim;

/** Where a checker of one invariant reports what it found broken; the {@link InvariantChecker} collects them all. */
@FunctionalInterface
interface ViolationReporter {

    /** Records that {@code invariant} broke, with a detail that names the node, height and values involved. */
    void report(String invariant, String detail);
}
