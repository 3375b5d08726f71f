package org.banyan.lightclient;

import java.util.Objects;

/** A value built from untrusted input, or the reason in plain English why the input was refused. */
public sealed interface Checked<T> permits Checked.Ok, Checked.Invalid {

    /** The input was valid and gave this value. */
    record Ok<T>(T value) implements Checked<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused, and why. */
    record Invalid<T>(String reason) implements Checked<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A valid value. */
    static <T> Checked<T> ok(final T value) {
        return new Ok<>(value);
    }

    /** A refusal with its reason. */
    static <T> Checked<T> invalid(final String reason) {
        return new Invalid<>(reason);
    }

    /**
     * The value, for callers that have already ruled out invalid input.
     *
     * @throws IllegalStateException with the reason if the input was refused
     */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Invalid<T>) this).reason());
    }
}
