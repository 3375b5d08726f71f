package org.banyan.identity;

import java.util.Objects;
import java.util.function.Function;

/** The result of parsing, checking or resolving something BID: a value, or the {@link BidError} that stopped it. */
public sealed interface BidResult<T> permits BidResult.Ok, BidResult.Failed {

    /** Success with its value. */
    record Ok<T>(T value) implements BidResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Failure with its error. */
    record Failed<T>(BidError error) implements BidResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A success. */
    static <T> BidResult<T> ok(final T value) {
        return new Ok<>(value);
    }

    /** A failure with this code and message. */
    static <T> BidResult<T> failed(final ResultCode code, final String message) {
        return new Failed<>(new BidError(code, message));
    }

    /** A failure carrying {@code error}. */
    static <T> BidResult<T> failed(final BidError error) {
        return new Failed<>(error);
    }

    /** Whether this is a success. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; asking a failure for it is a bug. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + error());
    }

    /** The error; asking a success for it is a bug. */
    default BidError error() {
        if (this instanceof Failed<T> failed) {
            return failed.error();
        }
        throw new IllegalStateException("not a failure");
    }

    /** Applies {@code next} to a success; a failure passes through. */
    default <R> BidResult<R> then(final Function<T, BidResult<R>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return failed(error());
    }
}
