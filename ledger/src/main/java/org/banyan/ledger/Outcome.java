package org.banyan.ledger;

import java.util.Objects;
import org.banyan.protocol.ERRORCODE;

/** The result of a check or an evaluation: a value, or the BIF error that stopped it. */
public sealed interface Outcome<T> permits Outcome.Ok, Outcome.Failed {

    /** A success carrying its value. */
    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A failure carrying its BIF error. */
    record Failed<T>(LedgerError error) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Outcome<T> ok(final T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(final ERRORCODE code, final String message) {
        return new Failed<>(new LedgerError(code, message));
    }

    static <T> Outcome<T> failed(final LedgerError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; calling it on a failure is a bug. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + error());
    }

    /** The error; calling it on a success is a bug. */
    default LedgerError error() {
        if (this instanceof Failed<T> failed) {
            return failed.error();
        }
        throw new IllegalStateException("not a failure");
    }
}
