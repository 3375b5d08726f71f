package org.banyan.chaingroup;

import org.banyan.lightclient.Checked;

/**
 * Unwraps the light client's checked values by where they came from: a bad value in a call's input is refused, while
 * one the contracts stored themselves failing to read back is a bug.
 */
final class CheckedValues {

    private CheckedValues() {
    }

    /** The value decoded from a call's input, refused as an invalid parameter when it did not check. */
    static <T> T input(final Checked<T> checked) {
        if (checked instanceof Checked.Invalid<T> invalid) {
            throw Refusal.invalid(invalid.reason());
        }
        return checked.orElseThrow();
    }

    /** The value read back from the contract's own metadata. */
    static <T> T stored(final Checked<T> checked) {
        if (checked instanceof Checked.Invalid<T> invalid) {
            throw new IllegalStateException("stored light-client data is corrupt: " + invalid.reason());
        }
        return checked.orElseThrow();
    }
}
